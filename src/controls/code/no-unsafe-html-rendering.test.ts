import { testControl } from '../../testing/control-table.js';
import control from './no-unsafe-html-rendering.js';

testControl(control, {
  pass: [
    { name: 'sanitised dangerouslySetInnerHTML', files: { 'src/Post.tsx': "import DOMPurify from 'dompurify';\nexport const Post = ({ html }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;\n" } },
    { name: 'literal markup', files: { 'src/a.tsx': "const A = () => <span dangerouslySetInnerHTML={{ __html: '&nbsp;' }} />;\nel.innerHTML = '';\n", 'app/views.py': "label = mark_safe('<b>required</b>')\n" } },
    { name: 'escaped templates and textContent', files: { 'templates/page.html': '<p>{{ user.name }}</p>\n', 'src/dom.js': 'el.textContent = name;\n', 'app/jinja.py': 'env = Environment(autoescape=select_autoescape())\n' } },
    { name: 'Vue v-html through a sanitiser', files: { 'src/Post.vue': '<template><div v-html="sanitize(body)"></div></template>\n' } },
    { name: 'innerHTML of a value sanitised earlier in the file', files: { 'src/dom.js': "import DOMPurify from 'dompurify';\nconst clean = DOMPurify.sanitize(html);\nel.innerHTML = clean;\n" } },
    { name: 'PHP escaped output', files: { 'index.php': '<?php echo htmlspecialchars($_GET["q"]);\n' } },
    { name: 'unsafe rendering only in tests', files: { 'src/__tests__/x.test.tsx': '<div dangerouslySetInnerHTML={{ __html: x }} />\n', 'src/x.ts': 'export {};\n' } },
  ],
  fail: [
    { name: 'dangerouslySetInnerHTML without a sanitiser', files: { 'src/Post.tsx': 'export const Post = ({ html }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n' }, findings: [{ file: 'src/Post.tsx', line: 1, message: 'DOMPurify' }] },
    { name: 'mark_safe on a computed value', files: { 'app/views.py': 'return mark_safe(f"<p>{comment.body}</p>")\n' }, findings: [{ message: 'mark_safe' }] },
    { name: 'Django |safe and autoescape off', files: { 'templates/post.html': '{{ post.body|safe }}\n{% autoescape off %}{{ x }}{% endautoescape %}\n' }, findings: 2 },
    { name: 'Jinja autoescape=False', files: { 'app/render.py': 'env = Environment(loader=loader, autoescape=False)\n' }, findings: 1 },
    { name: 'Vue v-html', files: { 'src/Comment.vue': '<template><div v-html="comment.body"></div></template>\n' }, findings: 1 },
    { name: 'innerHTML from a variable', files: { 'src/dom.js': 'el.innerHTML = `<b>${name}</b>`;\nother.innerHTML += message;\n' }, findings: 2 },
    { name: 'Rails html_safe and raw', files: { 'app/views/p.html.erb': '<%= @post.body.html_safe %>\n<%= raw @post.summary %>\n' }, findings: 2 },
    { name: 'PHP echo of request data', files: { 'search.php': '<?php echo $_GET["q"]; ?>\n' }, findings: 1 },
  ],
  notApplicable: [{ name: 'no source or templates', files: { 'README.md': '{{ x|safe }}\n' } }],
});
