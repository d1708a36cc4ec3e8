// Writes the TypeScript shapes of the package's data from the core's JSON
// Schemas, themselves generated from the Rust types (core/tests/schema.rs),
// doc comments included:
//   npm/questionnaire.d.ts  from core/questionnaire.schema.json
//   npm/report.d.ts         from core/report.schema.json (the report, its
//                           parts, and the answers it holds)
// wasm/src/api.rs embeds both in the package's declarations, so the types
// follow the Rust types instead of drifting by hand. A type both schemas
// define (such as `Lang`) must be the same in both, and is declared once, in
// questionnaire.d.ts.
//
//   node npm/gen-types.mjs          regenerate
//   node npm/gen-types.mjs --check  fail if a checked-in file is stale
//
// After a change to the Rust types, first regenerate the schemas:
//   UPDATE_EXPECT=1 cargo test -p readiness-core --features schema --test schema
//
// It translates only the schema keywords the schemas use and stops on any
// other, so a new kind of field is noticed here rather than typed wrongly.

import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const FILES = [
  { schema: 'core/questionnaire.schema.json', out: 'npm/questionnaire.d.ts' },
  { schema: 'core/report.schema.json', out: 'npm/report.d.ts' },
];

// Keywords that only constrain values (checked by `validate`) or document.
// Constraints TypeScript cannot state (the description says them).
const IGNORED = new Set(['$schema', 'title', 'description', 'format', 'minimum', 'maximum', 'default', 'pattern', 'propertyNames']);
const HANDLED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  '$ref',
  'oneOf',
  'anyOf',
  'const',
  'enum',
  '$defs',
]);

function check(schema, where) {
  for (const key of Object.keys(schema)) {
    if (!IGNORED.has(key) && !HANDLED.has(key)) throw new Error(`${where}: schema keyword "${key}" is not supported`);
  }
  // `false` (no other fields), or the type of every field of a map that has
  // no named fields.
  const additional = schema.additionalProperties;
  if (additional !== undefined && additional !== false && (typeof additional !== 'object' || 'properties' in schema)) {
    throw new Error(`${where}: "additionalProperties" must be false, or a schema on an object without "properties"`);
  }
}

// `max_level` -> `maxLevel`, as serde's rename_all = "camelCase" does.
const camel = (name) => name.replace(/_(\w)/g, (_, letter) => letter.toUpperCase());

// A schema description as a JSDoc comment; rustdoc links `[`Cap`]` become
// {@link Cap}, and `[`Recommendation::gain_to_top`]` {@link Recommendation.gainToTop}.
function doc(schema, indent) {
  const lines = (schema.description ?? '')
    .replace(/\[`(\w+)(?:::(\w+))?`\]/g, (_, type, member) => `{@link ${type}${member ? `.${camel(member)}` : ''}}`)
    .split('\n')
    .filter(Boolean);
  if ('default' in schema) lines.push(`@default ${JSON.stringify(schema.default)}`);
  if (lines.length === 0) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`).join('\n')}\n${indent} */\n`;
}

const SCALARS = { string: 'string', number: 'number', integer: 'number', boolean: 'boolean', null: 'null' };

function type(schema, where, indent) {
  check(schema, where);
  if ('$ref' in schema) return schema.$ref.replace('#/$defs/', '');
  if ('const' in schema) return JSON.stringify(schema.const);
  if ('enum' in schema) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    return alternatives.map((alternative, i) => type(alternative, `${where}|${i}`, indent)).join(' | ');
  }
  const types = [schema.type].flat();
  return types
    .map((name) => {
      if (name === 'object') return object(schema, where, indent);
      if (name === 'array') return `${type(schema.items, `${where}[]`, indent)}[]`;
      if (name in SCALARS) return SCALARS[name];
      throw new Error(`${where}: type "${name}" is not supported`);
    })
    .join(' | ');
}

function object(schema, where, indent) {
  if (typeof schema.additionalProperties === 'object') {
    return `{ [key: string]: ${type(schema.additionalProperties, `${where}[key]`, indent)} }`;
  }
  const required = new Set(schema.required ?? []);
  // Required fields first, in the schema's order of `required` (the order of
  // the Rust struct), then the optional ones.
  const names = [...required, ...Object.keys(schema.properties ?? {}).filter((name) => !required.has(name))];
  const inner = `${indent}  `;
  const fields = names.map((name) => {
    const field = schema.properties[name];
    const optional = required.has(name) ? '' : '?';
    return `${doc(field, inner)}${inner}${name}${optional}: ${type(field, `${where}.${name}`, inner)};\n`;
  });
  return `{\n${fields.join('')}${indent}}`;
}

function declaration(name, schema) {
  const body = type(schema, name, '');
  // A plain object becomes an interface (named in editor hovers), anything
  // else (unions, literals, maps) a type alias.
  if (schema.type === 'object' && 'properties' in schema) return `${doc(schema, '')}export interface ${name} ${body}\n`;
  return `${doc(schema, '')}export type ${name} = ${body};\n`;
}

// The declarations of a schema: its root, then its definitions by name,
// leaving out those in `declared` (name -> schema), which must be the same.
export function generate(schema, source, declared = {}) {
  const { $defs: defs = {}, ...top } = schema;
  const parts = [declaration(schema.title, top)];
  const shared = [];
  for (const name of Object.keys(defs).sort()) {
    if (name in declared) {
      if (JSON.stringify(declared[name]) !== JSON.stringify(defs[name])) {
        throw new Error(`${source}: "${name}" differs from the one already declared`);
      }
      shared.push(name);
    } else {
      parts.push(declaration(name, defs[name]));
    }
  }
  const also = shared.length ? `// Also uses ${shared.join(', ')}, declared in questionnaire.d.ts.\n` : '';
  return `// Generated by npm/gen-types.mjs from ${source}: do not edit.\n${also}\n${parts.join('\n')}`;
}

const checkOnly = process.argv.includes('--check');
let stale = false;
const declared = {};
for (const { schema: schemaFile, out } of FILES) {
  const schema = JSON.parse(readFileSync(new URL(schemaFile, root), 'utf8'));
  const fresh = generate(schema, schemaFile, declared);
  Object.assign(declared, schema.$defs, { [schema.title]: schema });
  const outPath = new URL(out, root);
  if (checkOnly) {
    let current = '';
    try {
      current = readFileSync(outPath, 'utf8');
    } catch {}
    if (current === fresh) {
      console.log(`ok: ${out} matches ${schemaFile}`);
    } else {
      console.error(`${out} is stale: run \`node npm/gen-types.mjs\` and commit it`);
      stale = true;
    }
  } else {
    writeFileSync(outPath, fresh);
    console.log(`wrote ${out}`);
  }
}
if (stale) process.exit(1);
