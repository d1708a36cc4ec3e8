// The API from CommonJS: `require` resolves to the nodejs build, typed by
// index.d.cts. Only type-checked (vectors.mjs runs `require` for real).
import readiness = require('readiness-check');

const report: readiness.Report = readiness.score(undefined, { 'touchpoints-executive-sponsorship': 4 }, 'en');
export const overall: number = report.overall.score;
