#!/usr/bin/env node
// Writes the committed corpus seeds, fuzz/seeds/<target>/, from the
// repository's questionnaires, vectors and packs; the inputs that crashed,
// fuzz/regressions/<target>/; and the dictionaries widget_messages.dict and
// share_and_progress.dict. Run it again after a
// change to the questionnaires, the message format or a target's input
// layout, and commit what changes:
//
//   node fuzz/make-seeds.mjs            # READINESS=path/to/readiness to pick the CLI
//
// The packs come from the CLI (`readiness pack`): target/release/readiness
// if it is built, else `cargo run --release -p readiness-cli`. Each seed is
// one input in its target's layout (see the comment at the top of each
// fuzz_targets/*.rs); `fuzz/seed.sh` copies them into fuzz/corpus/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const seedsDir = join(here, 'seeds');

const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const builtinText = readFileSync(join(root, 'core/questionnaires/social-media-strategy.json'));
const builtin = JSON.parse(builtinText);
const tinyText = readFileSync(join(root, 'tests/questionnaires/tiny.json'));
const tiny = JSON.parse(tinyText);
const benchmarkedQ = JSON.parse(readFileSync(join(root, 'tests/questionnaires/tiny-benchmarked.json'), 'utf8'));

function writeSeeds(target, seeds) {
  const dir = join(seedsDir, target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(seeds)) {
    writeFileSync(join(dir, name), bytes);
  }
  console.log(`${Object.keys(seeds).length} seeds in fuzz/seeds/${target}/`);
}

const bytes = (...parts) =>
  Buffer.concat(parts.map((part) => (typeof part === 'number' ? Buffer.from([part]) : Buffer.from(part))));

// ---- packs, from the CLI ----------------------------------------------------

function cli(args, input) {
  const built = process.env.READINESS ?? join(root, 'target/release/readiness');
  const [command, prefix] = existsSync(built)
    ? [built, []]
    : ['cargo', ['run', '-q', '--release', '-p', 'readiness-cli', '--']];
  return execFileSync(command, [...prefix, ...args], { cwd: root, input, maxBuffer: 1 << 26 });
}
const pack = (file, lang) => cli(['pack', '--lang', lang, ...(file ? [file] : [])]).toString('utf8').trimEnd();
const packs = {
  builtinEn: pack(null, 'en'),
  builtinId: pack(null, 'id'),
  tinyEn: pack('tests/questionnaires/tiny.json', 'en'),
  tinyId: pack('tests/questionnaires/tiny.json', 'id'),
  benchmarkedEn: pack('tests/questionnaires/tiny-benchmarked.json', 'en'),
  benchmarkedId: pack('tests/questionnaires/tiny-benchmarked.json', 'id'),
};

// The widget's words as the build ships them (wasm/labels/<lang>.txt without
// the names, separated by U+001F): the `labels` field of `load` and `invalid`.
const shippedLabels = (lang) =>
  readFileSync(join(root, `wasm/labels/${lang}.txt`), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#') && line.trim() !== '')
    .map((line) => line.slice(line.indexOf(': ') + 2))
    .join('\u001f');
const labels = { en: shippedLabels('en'), id: shippedLabels('id') };

// ---- share codes (core/src/share.rs) ----------------------------------------

function checksum(payload) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(payload)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  let n = h % 36 ** 4;
  let s = '';
  for (let i = 0; i < 4; i++) {
    s = '0123456789abcdefghijklmnopqrstuvwxyz'[n % 36] + s;
    n = Math.floor(n / 36);
  }
  return s;
}
const questions = (q) => q.factors.flatMap((factor) => factor.questions);
const shareCode = (q, letters, { id = q.id, version = q.version } = {}) => {
  const payload = `${id}@${version}:${letters}`;
  return `${payload}-${checksum(payload)}`;
};
// A code whose letters were changed after the checksum was made.
const tamper = (code) => code.replace(/:(.)/, (_, c) => `:${c === '4' ? '3' : '4'}`);
const lettersOf = (q, pick) => questions(q).map(pick).join('');

const allTop = (q) => lettersOf(q, () => '4');
const mixed = (q) => lettersOf(q, (question, i) => (question.allowNotApplicable ? 'n' : '0123d4'[i % 6]));
// The first two factors answered: "resume" goes to the third step.
const firstTwoFactors = (q) => {
  const upTo = q.factors[0].questions.length + q.factors[1].questions.length;
  return lettersOf(q, (_, i) => (i < upTo ? '3' : '_'));
};

// ---- parse_validate_score (fuzz_targets/parse_validate_score.rs) -------------
//   0x00 <answers>                       built-in questionnaire
//   0x01 <questionnaire> 0x00 <answers>  a questionnaire of its own
{
  const questionnaires = { builtin: builtinText };
  for (const file of readdirSync(join(root, 'tests/questionnaires')).sort()) {
    if (file.endsWith('.json')) questionnaires[file.slice(0, -5)] = readFileSync(join(root, 'tests/questionnaires', file));
  }
  const own = (questionnaire, answers) => bytes(1, questionnaire, 0, answers);
  const seeds = {};
  const empty = '{"answers": {}}';
  seeds['builtin-empty'] = bytes(0, empty);
  for (const [name, text] of Object.entries(questionnaires)) seeds[`own-${name}-empty`] = own(text, empty);
  for (const file of readdirSync(join(root, 'tests/vectors')).sort()) {
    if (!file.endsWith('.json')) continue;
    const vector = readJson(join('tests/vectors', file));
    const answers = JSON.stringify({ answers: vector.answers ?? {} });
    const name = `vector-${file.slice(0, -5)}`;
    const source = vector.questionnaire;
    if (source === 'builtin') {
      seeds[name] = bytes(0, answers);
    } else if (typeof source === 'string') {
      seeds[name] = own(questionnaires[source], answers);
    } else if (source === undefined && 'questionnaireText' in vector) {
      seeds[name] = own(vector.questionnaireText, answers);
    } else {
      seeds[name] = own(JSON.stringify(source), answers);
    }
  }
  seeds['code-builtin-all-top'] = bytes(0, shareCode(builtin, allTop(builtin)));
  seeds['code-builtin-all-bottom'] = bytes(0, shareCode(builtin, lettersOf(builtin, () => '0')));
  seeds['code-builtin-mixed'] = bytes(0, shareCode(builtin, mixed(builtin)));
  writeSeeds('parse_validate_score', seeds);
}

// ---- share_and_progress (fuzz_targets/share_and_progress.rs) -----------------
//   byte 0: bit 0 tiny, (byte >> 1) % 4 the mode: 0 a code, 1 letters,
//   2 answer bytes, 3 a pack, NUL, answer bytes
{
  const seeds = {};
  for (const [q, bit, name] of [[builtin, 0, 'builtin'], [tiny, 1, 'tiny']]) {
    const code = (mode, text) => bytes(mode * 2 + bit, text);
    const empty = lettersOf(q, () => '_');
    seeds[`${name}-code-all-top`] = code(0, shareCode(q, allTop(q)));
    seeds[`${name}-code-mixed`] = code(0, shareCode(q, mixed(q)));
    seeds[`${name}-code-unanswered`] = code(0, shareCode(q, empty));
    seeds[`${name}-code-partial`] = code(0, shareCode(q, firstTwoFactors(q)));
    seeds[`${name}-code-tampered`] = code(0, tamper(shareCode(q, mixed(q))));
    seeds[`${name}-code-truncated`] = code(0, shareCode(q, mixed(q)).slice(0, -3));
    seeds[`${name}-code-other-version`] = code(0, shareCode(q, allTop(q), { version: '0.9.0' }));
    seeds[`${name}-code-other-questionnaire`] = code(0, shareCode(q, allTop(q), { id: 'another' }));
    seeds[`${name}-code-too-short`] = code(0, shareCode(q, allTop(q).slice(1)));
    seeds[`${name}-code-not-applicable-refused`] = code(0, shareCode(q, lettersOf(q, () => 'n')));
    seeds[`${name}-code-empty`] = code(0, '');
    seeds[`${name}-letters-mixed`] = code(1, mixed(q));
    seeds[`${name}-letters-bad-letter`] = code(1, `x${allTop(q).slice(1)}`);
    seeds[`${name}-letters-too-long`] = code(1, `${allTop(q)}4`);
    // Pairs (question index, answer: 0-4, 5 don't know, 6 n/a, 7 the value 9).
    const pairs = questions(q).flatMap((_, i) => [i, i % 8]);
    seeds[`${name}-answers-each`] = code(2, Buffer.from(pairs));
    seeds[`${name}-answers-unknown-id`] = code(2, Buffer.from([255, 3, 0, 4]));
  }
  const answerBytes = Buffer.from(questions(builtin).flatMap((_, i) => [i, i % 7]));
  const tinyAnswerBytes = Buffer.from(questions(tiny).flatMap((_, i) => [i, (i + 2) % 7]));
  seeds['pack-builtin-en'] = bytes(6, packs.builtinEn, 0, answerBytes);
  seeds['pack-builtin-id'] = bytes(6, packs.builtinId, 0, answerBytes);
  seeds['pack-tiny-en'] = bytes(7, packs.tinyEn, 0, tinyAnswerBytes);
  seeds['pack-tiny-id'] = bytes(7, packs.tinyId);
  seeds['pack-tiny-cut'] = bytes(7, packs.tinyEn.slice(0, packs.tinyEn.length >> 1));
  seeds['pack-tiny-trailing-newline'] = bytes(7, `${packs.tinyEn}\n`, 0, tinyAnswerBytes);
  // The tiny pack with the score of b-one's top option out of 0..=100
  // (-1e10), and a-one answered 4. It read as a questionnaire, and the
  // recommendations overflowed an i32 of tenths (found by this target; a
  // pack with numbers out of range is refused since commit 76f4e41).
  const top = packs.tinyEn.indexOf('4059000000000000', packs.tinyEn.indexOf('b-one option 3'));
  const outOfRange = `${packs.tinyEn.slice(0, top)}c202a05f20000000${packs.tinyEn.slice(top + 16)}`;
  seeds['pack-option-score-out-of-range'] = bytes(7, outOfRange, 0, Buffer.from([1, 4]));
  seeds['pack-benchmarked-en'] = bytes(7, packs.benchmarkedEn, 0, tinyAnswerBytes);
  seeds['pack-benchmarked-id-cut'] = bytes(7, packs.benchmarkedId.slice(0, packs.benchmarkedId.length - 40));
  writeSeeds('share_and_progress', seeds);
}

// ---- widget_messages (fuzz_targets/widget_messages.rs) -----------------------
//   byte 0 the setup, then messages separated by NUL bytes
{
  const PAGE = 'https://example.test/page';
  // The opcodes of widget_messages.rs: KINDS (17), ACTIONS (10), then these.
  // Their arguments never hold a 0 byte, which ends a message: 0x80 is a
  // flag byte with no flag set.
  const OP_ANSWER = 0x80 | 27;
  const OP_FILL = 0x80 | 28;
  const OP_LOAD = 0x80 | 29;
  const OP_RESTORED = 0x80 | 30;
  const OP_FOLLOW = 0x80 | 31;
  const OP_INVALID = 0x80 | 32;
  const OP_ACTION_START = 0x80 | 17;
  // Setup bits.
  const ID = 1, STORAGE = 4, SCOPE = 8, BUILTIN = 0x10, TINY = 0x20, PACK_ID = 0x40, NO_SHOW = 0x80;

  const seq = (setup, ...messages) => {
    const parts = [Buffer.from([setup])];
    messages.forEach((message, i) => {
      if (i > 0) parts.push(Buffer.from([0]));
      parts.push(Buffer.isBuffer(message) ? message : Buffer.from(message));
    });
    return Buffer.concat(parts);
  };
  const action = (name) => `action\n${name}\n${PAGE}`;
  const changed = (id, code) => `changed\n${id}\n${code}`;
  const answerCodes = ['0', '1', '2', '3', '4', 'dont-know'];
  // Every question of one step answered, then "Next" (or "See my results").
  const step = (q, f, offset = 0) => [
    ...q.factors[f].questions.map((question, i) =>
      changed(question.id, question.allowNotApplicable && i % 2 === 0 ? 'not-applicable' : answerCodes[(i + f + offset) % 6]),
    ),
    'submit',
  ];
  const allSteps = (q, offset) => q.factors.flatMap((_, f) => step(q, f, offset));
  const op = (...b) => Buffer.from(b);

  const seeds = {
    'start': seq(BUILTIN, action('start')),
    'full-pass-builtin-en': seq(
      BUILTIN,
      action('start'),
      ...allSteps(builtin, 0),
      action('share'),
      'copied\n1',
      'lang\nid',
      'lang\nen',
      action('print'),
      action('restart'),
      action('start'),
    ),
    'full-pass-builtin-id-storage': seq(
      ID | STORAGE | SCOPE | BUILTIN | PACK_ID,
      action('start'),
      ...allSteps(builtin, 3),
      action('share'),
      'copied\n0',
      // The loader fetches the English pack after a language change.
      'lang\nen',
      op(OP_LOAD, 0x80),
      action('start-over'),
    ),
    'validation-and-back': seq(
      BUILTIN,
      action('start'),
      'submit',
      changed(builtin.factors[0].questions[0].id, '2'),
      'submit',
      ...step(builtin, 0),
      action('back'),
      action('back'),
      action('start'),
      'submit',
      ...step(builtin, 1),
      action('back'),
    ),
    'tiny-not-applicable-and-caps': seq(TINY, action('start'), ...allSteps(tiny, 4), action('share'), 'copied\n1', 'storage\n0'),
    'restore-valid': seq(
      STORAGE,
      op(OP_LOAD, 0x80),
      `restored\n2026-11-30\n${shareCode(builtin, firstTwoFactors(builtin))}\n`,
      action('resume'),
      ...step(builtin, 2),
      ...step(builtin, 3),
    ),
    'restore-tampered': seq(
      STORAGE | SCOPE,
      op(OP_LOAD, 0x80),
      `restored\n2026-11-30\n${tamper(shareCode(builtin, firstTwoFactors(builtin)))}\n2026-08-30 ${tamper(shareCode(builtin, allTop(builtin)))}`,
      action('start'),
    ),
    'restore-other-version': seq(
      STORAGE,
      op(OP_LOAD, 1),
      `restored\n2026-11-30\n${shareCode(tiny, allTop(tiny), { version: '0' })}\n2026-08-30 ${shareCode(tiny, allTop(tiny), { version: '0' })}`,
      action('start-over'),
    ),
    'restore-tiny-resume-to-results': seq(TINY | STORAGE, `restored\n2026-11-30\n${shareCode(tiny, allTop(tiny))}\n2026-08-30 ${shareCode(tiny, mixed(tiny))}`, action('resume'), action('share'), action('forget'), action('restart')),
    'follow-links': seq(
      BUILTIN,
      `follow\n${shareCode(builtin, mixed(builtin))}`,
      action('share'),
      `follow\n${tamper(shareCode(builtin, mixed(builtin)))}`,
      `follow\n${shareCode(builtin, mixed(builtin), { version: '1.0.0' })}`,
      `follow\n${shareCode(builtin, mixed(builtin), { id: 'another' })}`,
      action('restart'),
    ),
    'load-with-share-code': seq(0, `load\nen\n${shareCode(tiny, mixed(tiny))}\n${labels.en}\n${packs.tinyEn}`, 'lang\nid', action('restart')),
    'load-id-with-tampered-code': seq(ID, `load\nid\n${tamper(shareCode(tiny, mixed(tiny)))}\n${labels.id}\n${packs.tinyId}`, action('start')),
    'load-failures': seq(
      0,
      'failed\nHTTP 404',
      action('retry'),
      `invalid\n${labels.en}\nfactors[0].id\u001f\`A\` is not a valid id\u001fuse a lowercase slug\u001e\u001fexpected an object\u001f`,
      `load\nen\n\n${labels.en}\n${packs.tinyEn.slice(0, 100)}`,
      `load\nen\n\n${labels.en}\nRCP1\u001fbroken`,
      `load\nen\n\n${labels.en.slice(0, 200)}\n${packs.tinyEn}`,
      `invalid\n${labels.id.slice(0, 50)}\nx\u001fy\u001fz`,
      `load\nen\n\n${labels.en}\n${packs.tinyEn}`,
    ),
    'language-switch-in-step': seq(
      BUILTIN,
      action('start'),
      ...step(builtin, 0),
      'lang\nid',
      op(OP_LOAD, 2),
      changed(builtin.factors[1].questions[0].id, '4'),
      'submit',
    ),
    'storage-toggle': seq(
      BUILTIN | STORAGE | SCOPE,
      action('start'),
      changed(builtin.factors[0].questions[0].id, '1'),
      'storage\n0',
      changed(builtin.factors[0].questions[1].id, '2'),
      'storage\n1',
      changed(builtin.factors[0].questions[2].id, 'dont-know'),
    ),
    'malformed-messages': seq(
      BUILTIN,
      '',
      'hello\nworld',
      'Show',
      'show ',
      'action\njump\n',
      'action\nstart',
      'storage\nyes',
      'copied\ntrue',
      changed('no-such-question', '3'),
      changed(builtin.factors[0].questions[0].id, '7'),
      changed(tiny.factors[0].questions[2].id, 'not-applicable'),
      'load\nen',
      'lang\nfr',
      'submit',
      'show',
    ),
    'before-load': seq(NO_SHOW, action('start'), action('share'), 'submit', changed('a-one', '4'), 'restored\n\n\n', 'compare\nretail', 'follow\n', 'lang\nid', 'show'),
    // The tiny questionnaire with benchmarks: the results compare, with
    // everyone and with each group, and with the last result; then forget.
    'benchmarked-compare-and-forget': seq(
      STORAGE,
      `load\nen\n\n${labels.en}\n${packs.benchmarkedEn}`,
      `restored\n2026-11-30\n\n2026-08-30 ${shareCode(benchmarkedQ, mixed(benchmarkedQ))}`,
      action('start'),
      ...allSteps(benchmarkedQ, 1),
      'compare\nretail',
      'compare\nservices',
      'compare\n',
      'compare\nno-such-group',
      'lang\nid',
      `load\nid\n\n${labels.id}\n${packs.benchmarkedId}`,
      action('forget'),
      action('restart'),
    ),
    'opcodes': seq(
      BUILTIN | STORAGE,
      op(OP_FILL, 3),
      op(OP_ACTION_START),
      op(OP_ANSWER, 1, 6),
      'submit',
      'submit',
      'submit',
      'submit',
      op(OP_RESTORED, 0x80, 1, 2, 3, 4, 5, 6, 7, 8, 9),
      op(OP_FOLLOW, 2, 4, 4, 4),
      op(OP_LOAD, 0x05, 1, 4, 4, 4, 4, 4),
      op(OP_LOAD, 0x0b, 0x80),
      op(OP_LOAD, 0x12),
      op(OP_LOAD, 0x60, 0x80),
      op(OP_LOAD, 0x23),
      op(OP_LOAD, 0x81),
      op(OP_FILL, 2),
      'compare\nretail',
      op(OP_INVALID, 1, ...Buffer.from('factors[0].id\u001fno id\u001fadd one\u001e\u001f\u001f')),
    ),
  };
  writeSeeds('widget_messages', seeds);
}

// ---- regressions: inputs that crashed, kept to replay ------------------------
// fuzz/regressions/<target>/: not seeds (a crashing seed would stop every
// run at once). Replay one with `cargo fuzz run <target> <file>`; once the
// bug is fixed, move it into seeds/.
{
  const PAGE = 'https://example.test/page';
  const dir = join(here, 'regressions', 'widget_messages');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const join0 = (setup, messages) => Buffer.concat([Buffer.from([setup]), Buffer.from(messages.join('\0'))]);
  // English, storage on, the built-in questionnaire preloaded (and an empty
  // `restored`): resume at the third step, then another questionnaire (two
  // factors) arrives; with storage on the widget only asks for its saved
  // progress and stays on step 3, which "Next" (or a redraw) reads from the
  // new questionnaire.
  const stale = (last) => [
    `restored\n2026-11-30\n${shareCode(builtin, firstTwoFactors(builtin))}\n`,
    `action\nresume\n${PAGE}`,
    `load\nen\n\n${labels.en}\n${packs.tinyEn}`,
    last,
  ];
  writeFileSync(join(dir, 'stale-step-submit'), join0(0x14, stale('submit')));
  writeFileSync(join(dir, 'stale-step-show'), join0(0x14, stale('show')));
  console.log('2 regressions in fuzz/regressions/widget_messages/');

}

// ---- dictionaries (libFuzzer's -dict=) ---------------------------------------
// parse_validate_score.dict is written by hand; these two follow the
// questionnaires' ids.
{
  const lines = (header, entries) => `${[...header, ...entries.map((e) => `"${e}"`)].join('\n')}\n`;
  const both = [builtin, tiny];
  const kinds = ['show', 'load', 'invalid', 'failed', 'restored', 'lang', 'storage', 'follow', 'copied', 'changed', 'action', 'submit', 'compare'];
  const actions = ['start', 'resume', 'start-over', 'restart', 'back', 'retry', 'print', 'share', 'forget'];
  writeFileSync(
    join(here, 'widget_messages.dict'),
    lines(
      ['# libFuzzer dictionary for widget_messages (written by make-seeds.mjs): the message', '# kinds, actions and answer codes of wasm/src/message.rs, and the question ids.'],
      [
        ...kinds.map((kind) => `${kind}\\x0a`),
        ...actions.map((name) => `action\\x0a${name}\\x0a`),
        ...['0', '1', '2', '3', '4', 'dont-know', 'not-applicable'].map((code) => `\\x0a${code}`),
        ...['en', 'id', 'in-ID', 'fr', '1', '0'].map((field) => `\\x0a${field}`),
        'RCP1\\x1f',
        '\\x1f',
        '\\x1e',
        '#readiness=',
        'https://example.test/page',
        ...both.flatMap((q) => [`${q.id}@${q.version}:`, ...questions(q).map((question) => `changed\\x0a${question.id}\\x0a`)]),
      ],
    ),
  );
  writeFileSync(
    join(here, 'share_and_progress.dict'),
    lines(
      ['# libFuzzer dictionary for share_and_progress (written by make-seeds.mjs): share', '# code parts, pack fields and numbers as packs write them.'],
      [
        ...both.flatMap((q) => [`${q.id}@${q.version}:`, `\\x1f${q.id}\\x1f${q.version}\\x1f`]),
        ...['@', ':', '-', '_', 'd', 'n', '0', '4', 'RCP1'],
        ...['\\x1f', '\\x1fa\\x1f', '\\x1fw\\x1f', '\\x1f.', '\\x1f0\\x1f', '\\x1f1\\x1f', '\\x1fen\\x1f', '\\x1fid\\x1f'],
        // 1, 0, 100, +infinity, -0 as IEEE-754 bits.
        ...['3ff0000000000000', '0000000000000000', '4059000000000000', '7ff0000000000000', '8000000000000000'],
      ],
    ),
  );
  console.log('widget_messages.dict, share_and_progress.dict');
}
