// The smallest page a web developer would write with the package: import
// the API through Vite, score answers, show the result and link to it.
import { encodeShare, score, type AnswersInput } from 'readiness-check';
import answers from './answers.json';

try {
  const report = score(undefined, answers as AnswersInput, 'en');
  document.querySelector('#score')!.textContent = String(report.overall.score);
  document.querySelector('#level')!.textContent = report.overall.level.name;
  // The same results in the widget: a share link carries the answers.
  document.querySelector<HTMLAnchorElement>('#share')!.href = `widget.html#readiness=${encodeShare(undefined, answers as AnswersInput)}`;
} catch (error) {
  document.body.dataset.error = String(error);
}
