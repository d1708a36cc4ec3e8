#!/usr/bin/env python3
"""Writes the same synthetic survey as JSON Lines and as CSV.

Deterministic (fixed seed): every run writes the same files. Answers are
mostly 0 to 4, with some "dont-know", some unanswered, and "not-applicable"
where a question allows it, so that every branch of scoring is exercised.

Usage: gen.py QUESTIONNAIRE.json COUNT OUT.jsonl OUT.csv
"""

import json
import random
import sys


def main():
    questionnaire_path, count, jsonl_path, csv_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    with open(questionnaire_path, encoding="utf-8") as f:
        questionnaire = json.load(f)
    questions = [q for factor in questionnaire["factors"] for q in factor["questions"]]
    ids = [q["id"] for q in questions]
    # Per question: the answers it may get, weighted towards real values.
    choices = []
    for q in questions:
        answers = ["0", "1", "2", "3", "4", "dont-know", ""]
        weights = [18, 20, 22, 20, 12, 5, 3]
        if q.get("allowNotApplicable"):
            answers.append("not-applicable")
            weights.append(4)
        choices.append((answers, weights))

    rng = random.Random(20240501)
    with open(jsonl_path, "w", encoding="utf-8", newline="\n") as jsonl, open(
        csv_path, "w", encoding="utf-8", newline="\n"
    ) as csv:
        csv.write(",".join(["respondent"] + ids) + "\n")
        jsonl_lines, csv_lines = [], []
        for n in range(1, count + 1):
            cells = [rng.choices(answers, weights)[0] for answers, weights in choices]
            respondent = f"r-{n}"
            answers = {}
            for id, cell in zip(ids, cells):
                if cell == "":
                    continue
                answers[id] = int(cell) if cell.isdigit() else cell
            jsonl_lines.append(json.dumps({"respondent": respondent, "answers": answers}, separators=(",", ":")))
            csv_lines.append(",".join([respondent] + cells))
            if len(jsonl_lines) == 10000:
                jsonl.write("\n".join(jsonl_lines) + "\n")
                csv.write("\n".join(csv_lines) + "\n")
                jsonl_lines, csv_lines = [], []
        if jsonl_lines:
            jsonl.write("\n".join(jsonl_lines) + "\n")
            csv.write("\n".join(csv_lines) + "\n")


if __name__ == "__main__":
    main()
