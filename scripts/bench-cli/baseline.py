#!/usr/bin/env python3
"""The obvious alternative to `readiness batch`: a short script that reads
the same JSON Lines and computes the same overall score, as the core does.

- an answer earns its option's points: the option's "score" if given, else
  25 times its value; "dont-know" and unanswered earn option 0's points;
  "not-applicable" is left out;
- a factor's score is the weighted mean of its answers' points, the overall
  score the weighted mean of the factor scores (weights default to 1), in
  questionnaire order, so the floating-point sums match the core's;
- the overall score is rounded half away from zero to one decimal.

Prints `respondent,score` per line. Usage: baseline.py QUESTIONNAIRE.json < IN.jsonl
"""

import json
import sys


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        questionnaire = json.load(f)
    factors = []
    for factor in questionnaire["factors"]:
        questions = []
        for q in factor["questions"]:
            points = [o.get("score", 25.0 * value) for value, o in enumerate(q["options"])]
            questions.append((q["id"], float(q.get("weight", 1)), points))
        factors.append((float(factor.get("weight", 1)), questions))

    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        response = json.loads(line)
        answers = response["answers"]
        total = weights = 0.0
        for factor_weight, questions in factors:
            points = question_weights = 0.0
            for id, weight, option_points in questions:
                answer = answers.get(id)
                if answer == "not-applicable":
                    continue
                earned = option_points[answer] if isinstance(answer, int) else option_points[0]
                points += weight * earned
                question_weights += weight
            raw = points / question_weights if question_weights > 0 else 0.0
            total += factor_weight * raw
            weights += factor_weight
        overall = total / weights if weights > 0 else 0.0
        tenths = overall * 10.0
        whole = int(tenths)
        tenths = whole + (1 if tenths - whole >= 0.5 else 0)
        out.write(f"{response.get('respondent', '')},{tenths // 10}.{tenths % 10}\n")


if __name__ == "__main__":
    main()
