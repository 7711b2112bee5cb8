// Compiles every .mdx page under the folders given with the MDX compiler, as Mintlify reads
// them (frontmatter and GitHub-flavoured Markdown on), and holds each page to what the
// renderer writes: no expression (`{id}` compiles, then fails when the docs site runs it) and
// no element but the components it uses. So a brace, a `<` or a code span the renderer escaped
// wrongly fails here. Prints each page that fails, with the compiler's message and position,
// and exits non-zero if any does or if no page was found.
//
// Run from the folder that holds node_modules (the packages are imported by name):
//   node compile-pages.mjs DIR...
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";

// The components the renderer writes.
const COMPONENTS = new Set(["Danger", "Warning", "CodeGroup"]);

// A remark plugin: fails the page at the first expression, ESM or foreign element.
function onlyTheRenderersMarkup() {
  return (tree, file) => {
    const visit = (node) => {
      if (["mdxFlowExpression", "mdxTextExpression", "mdxjsEsm"].includes(node.type)) {
        file.fail(`MDX reads {${node.value}} as code, where the page means text`, node);
      }
      const element = node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
      if (element && !COMPONENTS.has(node.name)) {
        file.fail(`MDX reads <${node.name ?? ""}> as an element, where the page means text`, node);
      }
      for (const child of node.children ?? []) {
        visit(child);
      }
    };
    visit(tree);
  };
}

async function* pages(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* pages(path);
    } else if (entry.name.endsWith(".mdx")) {
      yield path;
    }
  }
}

let found = 0;
let failed = 0;
for (const dir of process.argv.slice(2)) {
  for await (const path of pages(dir)) {
    found += 1;
    try {
      await compile(await readFile(path, "utf8"), {
        remarkPlugins: [remarkFrontmatter, remarkGfm, onlyTheRenderersMarkup],
      });
    } catch (error) {
      failed += 1;
      console.error(`${path}: ${error.message}`);
    }
  }
}
if (found === 0) {
  console.error(`no .mdx page under ${process.argv.slice(2).join(", ")}`);
  process.exit(1);
}
console.log(`${found - failed} of ${found} pages compile`);
process.exit(failed === 0 ? 0 : 1);
