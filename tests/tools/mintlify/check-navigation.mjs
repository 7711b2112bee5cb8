// Checks a rendered docs tree's navigation group (errors/navigation.json) the way Mintlify reads
// it: the group goes into a minimal docs.json, which @mintlify/validation's validateDocsConfig
// (the schema Mintlify's own tooling checks docs.json with) must accept; and every page the group
// names must be a rendered .mdx file of the tree.
//
// Usage: node check-navigation.mjs DOCS_ROOT [EXPECTED_SYSTEM_GROUP...]
// With expected group names, the system groups must be exactly those, in that order.
//
// Before trusting a pass, it checks that the validator rejects a broken copy of the group: a
// validator that accepted anything would make this check pass for nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, validateDocsConfig } from '@mintlify/validation';

const [root, ...expectedSystems] = process.argv.slice(2);
if (!root) {
  console.error('usage: node check-navigation.mjs DOCS_ROOT [EXPECTED_SYSTEM_GROUP...]');
  process.exit(2);
}
const group = JSON.parse(readFileSync(join(root, 'errors', 'navigation.json'), 'utf8'));

/** The smallest docs.json Mintlify accepts, with `errorsGroup` as its only navigation group. */
function docsJson(errorsGroup) {
  return {
    $schema: 'https://mintlify.com/docs.json',
    theme: 'mint',
    name: 'Errors',
    colors: { primary: '#0D9373' },
    navigation: { groups: [errorsGroup] },
  };
}

const problems = [];
const verdict = validateDocsConfig(docsJson(group));
if (!verdict.success) {
  for (const issue of verdict.error.issues) {
    problems.push(`docs.json rejected: ${formatIssue(issue) ?? JSON.stringify(issue)}`);
  }
}

// Every page the group names, at any depth, is a file of the tree.
let pages = 0;
function visit(node, path) {
  if (typeof node === 'string') {
    pages += 1;
    if (!existsSync(join(root, `${node}.mdx`))) {
      problems.push(`${path} names the page ${node}, but ${node}.mdx is not in ${root}`);
    }
    return;
  }
  for (const [index, child] of (node.pages ?? []).entries()) {
    visit(child, `${path} > ${node.group}[${index}]`);
  }
}
visit(group, 'navigation');

const systems = group.pages.filter((page) => typeof page !== 'string').map((page) => page.group);
if (expectedSystems.length > 0 && JSON.stringify(systems) !== JSON.stringify(expectedSystems)) {
  problems.push(`system groups ${JSON.stringify(systems)}, expected ${JSON.stringify(expectedSystems)}`);
}

// The control: the same group with `expanded` of the wrong type and a page that is a number.
const broken = structuredClone(group);
broken.expanded = 'sometimes';
broken.pages.push(404);
if (validateDocsConfig(docsJson(broken)).success) {
  problems.push('the validator accepted a broken group, so its verdict on ours means nothing');
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`${root}/errors/navigation.json: valid for Mintlify, ${pages} pages, systems ${systems.join(', ')}`);
