// A small typed program using every function of the package, as a Node user
// would write it. scripts/test-npm.sh compiles it with `tsc --strict`
// against the packed tarball's declarations, then runs it: each `check`
// must hold.

import { isDeepStrictEqual } from 'node:util';
import {
  builtinQuestionnaire,
  decodeShare,
  encodeShare,
  questions,
  score,
  validate,
  type Answer,
  type ProblemsError,
  type Questionnaire,
  type Report,
} from 'readiness-check';

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`example.ts: ${what}`);
}

/** What `action` throws (it must throw). */
function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('example.ts: expected an error');
}

// 1. Score: the README's example.
const report: Report = score(undefined, { 'touchpoints-executive-sponsorship': 1, 'audience-online-habits': 3 }, 'en');
console.log(report.overall.score, report.overall.level.name);
check(report.overall.score === 6 && report.overall.level.name === 'Not ready', "the README's numbers");
check(report.answered === 2 && report.missing.length === report.total - 2, 'unanswered questions are listed');

// 2. A form of your own: the questions in Indonesian, every one answered.
const answers: Record<string, Answer> = {};
for (const question of questions(undefined, 'id')) {
  answers[question.id] = question.allowNotApplicable ? 'not-applicable' : 3;
}
const full = score(undefined, answers, 'id');
check(full.complete && full.lang === 'id', 'every question answered');

// 3. A share link that opens the widget on these results, and back.
const code: string = encodeShare(undefined, answers);
check(isDeepStrictEqual(decodeShare(undefined, code), full.answers), 'share code round trip');

// 4. A questionnaire of your own, starting from the built-in one.
const mine: Questionnaire = builtinQuestionnaire();
mine.id = 'my-readiness';
mine.factors[0]!.weight = 2;
check(validate(mine).questions === questions(mine).length, 'validate counts the questions');

// 5. Invalid input: every problem at once, each with a path and a hint.
const { problems } = thrown(() => score(undefined, { 'no-such-question': 3 })) as ProblemsError;
check(problems.length === 1 && problems[0]!.path === 'answers.no-such-question', 'the problem names the answer');

// 6. On a server: a report the widget sent is trusted only once its answers,
//    scored again, give the very same report.
function verify(claimed: Report): Report {
  const fresh = score(undefined, claimed.answers, claimed.lang);
  if (!isDeepStrictEqual(fresh, claimed)) throw new Error('the report does not match its answers');
  return fresh;
}
const received = JSON.parse(JSON.stringify(full)) as Report;
check(verify(received).overall.score === full.overall.score, 'an honest report verifies');
received.overall.score = 99.9;
thrown(() => verify(received));

console.log('example.ts: ok');
