// The SurveyJS side of scripts/bench-widget.mjs: converts the built-in
// questionnaire (core/questionnaires/social-media-strategy.json, format 2)
// into a SurveyJS survey in one language and renders it.
//
//   factor   -> page (title: the factor's name, description: its description)
//   question -> radiogroup, required, named by the question id; title: the
//               prompt, description: the help; choices: the five option
//               texts (values 0..4), "Tidak tahu" (dont-know) and, where the
//               question allows it, "Tidak berlaku" (not-applicable): the
//               same choices the widget offers.
//
// Marks, counted from navigation start like www/site/first-render.js:
//   window.__surveyLibraries  this script runs (survey-core, its Indonesian
//                             strings and survey-js-ui have run before it)
//   window.__surveyModel      the SurveyJS model is built from the JSON
//   window.__firstQuestion    the first radio input exists in the survey's
//                             DOM (a MutationObserver): the first question is
//                             on screen, the counterpart of the widget's
//                             first screen (window.__widgetReady)
//   window.__afterRender      SurveyJS's first onAfterRenderQuestion

window.__surveyLibraries = performance.now();

const LANG = document.documentElement.lang || 'id';
const DONT_KNOW = { id: 'Tidak tahu', en: "Don't know" };
const NOT_APPLICABLE = { id: 'Tidak berlaku', en: 'Not applicable' };
const SOURCE = '/questionnaire-source/social-media-strategy.json';

function toSurveyJs(questionnaire, lang) {
  const text = (value) => value?.[lang];
  return {
    locale: lang,
    title: text(questionnaire.title),
    description: text(questionnaire.intro),
    showProgressBar: 'top',
    questionErrorLocation: 'bottom',
    pages: questionnaire.factors.map((factor) => ({
      name: factor.id,
      title: text(factor.name),
      description: text(factor.description),
      elements: factor.questions.map((question) => ({
        type: 'radiogroup',
        name: question.id,
        title: text(question.prompt),
        description: text(question.help),
        isRequired: true,
        choices: [
          ...question.options.map((option, value) => ({ value, text: text(option.text) })),
          { value: 'dont-know', text: DONT_KNOW[lang] },
          ...(question.allowNotApplicable ? [{ value: 'not-applicable', text: NOT_APPLICABLE[lang] }] : []),
        ],
      })),
    })),
  };
}

const container = document.getElementById('survey');
const observer = new MutationObserver(() => {
  if (container.querySelector('input[type=radio]')) {
    window.__firstQuestion ??= performance.now();
    observer.disconnect();
  }
});
observer.observe(container, { childList: true, subtree: true });

fetch(SOURCE)
  .then((response) => {
    if (!response.ok) throw new Error(`${SOURCE}: HTTP ${response.status}`);
    return response.json();
  })
  .then((questionnaire) => {
    const survey = new Survey.Model(toSurveyJs(questionnaire, LANG));
    window.__surveyModel = performance.now();
    survey.onAfterRenderQuestion.add(() => {
      window.__afterRender ??= performance.now();
    });
    survey.render(container);
  })
  .catch((error) => {
    window.__surveyError = String(error);
    throw error;
  });
