"""Tests of the build's font scripts (cmake/unicode_ranges.py, cmake/ui_characters.py):
the codepoint ranges they read and write, the literals they find in C++ sources,
and that every character the app's own text uses is in the compiled-in fonts
(the first frame's set).

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
    """The app's own text is drawn with the compiled-in fonts, never with U+FFFD:
    they are subset to the first frame's set (FONT_FIRST_FRAME_UNICODES and the
    characters cmake/ui_characters.py finds), so each of those characters must
    be in the set and have a glyph in DejaVu Sans, which the monospace font
    falls back to."""

    def cmake_set(self, name):
        for path in glob.glob(os.path.join(ROOT, 'cmake', '*.cmake')):
            with open(path) as f:
                found = re.search(r'set\({} "([^"]+)"\)'.format(name), f.read())
            if found:
                return found.group(1)
        self.fail('{} is set in no cmake/*.cmake file'.format(name))

    def app_text_characters(self):
        sources = glob.glob(os.path.join(ROOT, 'src', 'app', '*.[ch]pp')) + \
            glob.glob(os.path.join(ROOT, 'src', 'core', '*.[ch]pp'))
        self.assertGreater(len(sources), 10)
        with tempfile.TemporaryDirectory() as folder:
            output = os.path.join(folder, 'chars.txt')
            ui_characters.main(output, sources)
            with open(output) as f:
                return unicode_ranges.parse(f.read().strip())

    def test_every_character_of_the_app_text_has_a_glyph_in_the_compiled_in_fonts(self):
        try:
            from fontTools.ttLib import TTFont
        except ImportError:
            self.skipTest('no fontTools for this python3 (Debian\'s python3-fonttools is for /usr/bin/python3)')
        used = self.app_text_characters()
        self.assertIn(0x2014, used)  # the app's text does use characters beyond ASCII
        compiled_in = used | unicode_ranges.parse(self.cmake_set('FONT_FIRST_FRAME_UNICODES'))
        self.assertTrue(set(range(0x20, 0x7F)) | {0xFFFD} <= compiled_in)
        source = re.search(r'set\(FONT_SOURCE "([^"]+)"\)', open(os.path.join(ROOT, 'cmake', 'fonts.cmake')).read())
        cmap = set(TTFont(source.group(1), lazy=True).getBestCmap())
        missing = compiled_in - cmap
        self.assertEqual(unicode_ranges.text(missing) if missing else '', '')

    def test_the_fetched_pages_offer_what_the_compiled_in_fonts_once_held(self):
        # Latin-1, Latin Extended-A, Greek, Cyrillic, symbols, format characters:
        # DejaVu's fetched pages, the first fallback font (before Symbola's overlap).
        pages = unicode_ranges.parse(self.cmake_set('FONT_PAGE_UNICODES'))
        for c in (0xE9, 0x152, 0x3A9, 0x416, 0x2014, 0x20AC, 0x200D, 0xFE0F):
            self.assertIn(c, pages)
        with open(os.path.join(ROOT, 'cmake', 'fonts.cmake')) as f:
            fallbacks = re.search(r'set\(FALLBACK_FONTS\s+"([^"]+)"', f.read()).group(1)
        self.assertTrue(fallbacks.startswith('latin:'), fallbacks)
        self.assertTrue(fallbacks.endswith(':${FONT_PAGE_UNICODES}:${FONT_MONO_SOURCE}'), fallbacks)


if __name__ == '__main__':
    unittest.main()
