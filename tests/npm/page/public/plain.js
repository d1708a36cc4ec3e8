// The package's browser entry, straight from its folder: it initialises
// its WebAssembly itself before the import resolves.
import { score } from 'readiness-check';

const answers = await (await fetch('/answers.json')).json();
document.querySelector('#score').textContent = String(score(undefined, answers, 'en').overall.score);
