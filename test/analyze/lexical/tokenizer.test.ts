import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSHARP, GO, KOTLIN, PHP, PYTHON, RUBY } from '../../../src/analyze/lexical/dialects.js';
import { LineIndex } from '../../../src/analyze/line-index.js';
import { tokenize, type Dialect, type Token } from '../../../src/analyze/lexical/tokenizer.js';

const ids = (tokens: Token[]) => tokens.filter((t) => t.type === 'id').map((t) => t.value);
const strings = (tokens: Token[]) => tokens.filter((t) => t.type === 'str').map((t) => t.value);
const interpolated = (t: Token) => (t.pieces ?? []).filter((p) => 'tokens' in p).map((p) => ('tokens' in p ? p.tokens.map((x) => x.value).join('') : ''));

describe('comments vanish, in every comment syntax', () => {
  const cases: Array<[string, Dialect, string]> = [
    ['python #', PYTHON, '# post(x)\nok()'],
    ['php //, #, /* */ (but #[ is an attribute)', PHP, '<?php // post(x)\n# post(y)\n/* post(z) */ #[Attr] ok();'],
    ['ruby # and =begin/=end', RUBY, '# post x\n=begin\npost y\n=end\nok'],
    ['go // and /* */', GO, '// post(x)\n/* post(y) */ ok()'],
    ['kotlin // and nested-looking /* */', KOTLIN, '/* post(x) // */ ok()'],
    ['c# // /* */ and #region', CSHARP, '#region x post(y)\n// post(z)\nok();'],
  ];
  for (const [name, dialect, src] of cases)
    it(name, () => {
      const words = ids(tokenize(src, dialect));
      assert.ok(!words.includes('post'), `${name}: ${words.join(',')}`);
      assert.ok(words.includes('ok'));
    });
});

describe('strings are single tokens and know their interpolations', () => {
  it('python f-strings, triple quotes and prefixes', () => {
    const tokens = tokenize('u = f"{BASE}/auth/{{x}}" + r\'\\d#\' + """a # b\n c"""', PYTHON);
    const [f, raw, triple] = tokens.filter((t) => t.type === 'str');
    assert.equal(f!.value, '/auth/{x}');
    assert.deepEqual(interpolated(f!), ['BASE']);
    assert.equal(raw!.value, 'd#');
    assert.equal(triple!.value, 'a # b\n c');
  });
  it('php "$var", {$expr}, single quotes, heredoc and nowdoc', () => {
    const tokens = tokenize("<?php $a = \"$base/x {$cfg['u']}\"; $b = '$raw'; $c = <<<EOT\nhi $name\nEOT;\n$d = <<<'N'\n$not\nN;\n", PHP);
    const strs = tokens.filter((t) => t.type === 'str');
    assert.deepEqual(interpolated(strs[0]!), ['$base', '$cfg[u]']);
    assert.equal(strs[1]!.value, '$raw');
    assert.deepEqual(interpolated(strs[2]!), ['$name']);
    assert.equal(strs[3]!.value.trim(), '$not');
  });
  it('ruby #{} interpolation, %q, symbols and detached heredocs', () => {
    const tokens = tokenize('x = "#{BASE}/a" + %q(b (c) d) + :sym\ny = <<~TXT\n  post(1)\nTXT\nz', RUBY);
    assert.deepEqual(strings(tokens), ['/a', 'b (c) d', 'sym', '  post(1)\n']);
    assert.ok(!ids(tokens).includes('post'));
    assert.ok(ids(tokens).includes('z'));
  });
  it('go raw strings and kotlin/c# templates', () => {
    assert.deepEqual(strings(tokenize('a := `x // "y"`', GO)), ['x // "y"']);
    const kt = tokenize('val u = "$BASE/a/${cfg.path}"', KOTLIN).find((t) => t.type === 'str')!;
    assert.deepEqual(interpolated(kt), ['BASE', 'cfg.path']);
    const cs = tokenize('var u = $"{Base}/a {{x}}" + @"c:\\p""q";', CSHARP).filter((t) => t.type === 'str');
    assert.deepEqual(interpolated(cs[0]!), ['Base']);
    assert.equal(cs[0]!.value, '/a {x}');
    assert.equal(cs[1]!.value, 'c:\\p"q');
  });
});

describe('positions', () => {
  it('lines and columns are the same with CRLF and LF line ends', () => {
    const lf = 'a\n  bcd\nx';
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const src of [lf, crlf]) {
      const idx = new LineIndex(src);
      assert.deepEqual(idx.span(src.indexOf('bcd'), src.indexOf('bcd') + 3), { line: 2, column: 3, endLine: 2, endColumn: 6 });
      assert.equal(idx.line(src.indexOf('x')), 3);
    }
  });
});
