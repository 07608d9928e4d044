"""Tests of the build's font scripts (cmake/unicode_ranges.py, cmake/ui_characters.py):
the codepoint ranges they read and write, the literals they find in C++ sources,
and that every character the app's own text uses is in the compiled-in fonts.

Run: python3 -m unittest discover -s tests/tools -p 'test_*.py'
"""
import glob
import os
import re
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'cmake'))

import ui_characters  # noqa: E402
import unicode_ranges  # noqa: E402


class UnicodeRangesTest(unittest.TestCase):
    def test_parse_reads_ranges_and_single_codepoints(self):
        codepoints = unicode_ranges.parse('U+0020-007E,U+20AC')
        self.assertEqual(len(codepoints), 0x7E - 0x20 + 2)
        self.assertIn(0x20, codepoints)
        self.assertIn(0x7E, codepoints)
        self.assertIn(0x20AC, codepoints)
        self.assertNotIn(0x7F, codepoints)

    def test_parse_accepts_lower_case_spaces_and_a_prefix_on_both_ends(self):
        self.assertEqual(unicode_ranges.parse(' u+00e9 , U+0041-U+0043'), {0xE9, 0x41, 0x42, 0x43})

    def test_runs_join_consecutive_codepoints_in_order(self):
        self.assertEqual(unicode_ranges.runs({5, 3, 1, 2}), [[1, 3], [5, 5]])
        self.assertEqual(unicode_ranges.runs(set()), [])

    def test_text_writes_what_parse_reads(self):
        written = unicode_ranges.text({0x41, 0x42, 0x43, 0x20AC, 0x1F600})
        self.assertEqual(written, 'U+0041-0043,U+20AC,U+1F600')
        self.assertEqual(unicode_ranges.parse(written), {0x41, 0x42, 0x43, 0x20AC, 0x1F600})


class LiteralsTest(unittest.TestCase):
    def test_escapes_are_decoded_as_utf8(self):
        self.assertEqual(ui_characters.literal_bytes(r'\xE2\x9C\x93').decode('utf-8'), '\u2713')
        self.assertEqual(ui_characters.literal_bytes(r'\u00e9\U0001F600').decode('utf-8'), '\u00e9\U0001F600')
        self.assertEqual(ui_characters.literal_bytes(r'\303\251').decode('utf-8'), '\u00e9')
        self.assertEqual(ui_characters.literal_bytes(r'a\n\t\"\\b'), b'a\n\t"\\b')

    def test_literals_are_found_and_comments_left_out(self):
        source = ('// a comment with \u00fc is not text\n'
                  '/* nor \u00df here */\n'
                  'const char* a = "Zoom \\xE2\\x80\\x94 in";\n'
                  'const char* b = R"x(raw \u2026 "quoted")x";\n'
                  "char c = '\\x41';\n")
        texts = list(ui_characters.literal_texts(source))
        self.assertEqual(texts, ['Zoom \u2014 in', 'raw \u2026 "quoted"', 'A'])

    def test_main_writes_the_characters_beyond_ascii_as_ranges(self):
        with tempfile.TemporaryDirectory() as folder:
            source = os.path.join(folder, 'panel.cpp')
            output = os.path.join(folder, 'chars.txt')
            with open(source, 'w', encoding='utf-8') as f:
                f.write('// \u00fc\nauto t = "Next \\xE2\\x86\\x92 \u2014 done";\n')
            ui_characters.main(output, [source])
            with open(output) as f:
                self.assertEqual(f.read(), 'U+2014,U+2192\n')


class CompiledInFontsTest(unittest.TestCase):
    """The app's own text is drawn with the compiled-in fonts, never with U+FFFD."""

    def compiled_in(self):
        for path in glob.glob(os.path.join(ROOT, 'cmake', '*.cmake')):
            with open(path) as f:
                found = re.search(r'set\(FONT_UNICODES "([^"]+)"\)', f.read())
            if found:
                return unicode_ranges.parse(found.group(1))
        self.fail('FONT_UNICODES is set in no cmake/*.cmake file')

    def test_every_character_of_the_app_text_is_compiled_in(self):
        sources = glob.glob(os.path.join(ROOT, 'src', 'app', '*.[ch]pp')) + \
            glob.glob(os.path.join(ROOT, 'src', 'core', '*.[ch]pp'))
        self.assertGreater(len(sources), 10)
        with tempfile.TemporaryDirectory() as folder:
            output = os.path.join(folder, 'chars.txt')
            ui_characters.main(output, sources)
            with open(output) as f:
                used = unicode_ranges.parse(f.read().strip())
        self.assertIn(0x2014, used)  # the app's text does use characters beyond ASCII
        missing = used - self.compiled_in()
        self.assertEqual(unicode_ranges.text(missing) if missing else '', '')


if __name__ == '__main__':
    unittest.main()
