"""Prints the characters beyond ASCII that the app's own text uses, as
fontTools --unicodes ranges: every string and character literal of the given
C++ sources, escapes decoded, comments left out. The first frame rasterizes
ASCII and these (cmake/web_app.cmake); any other character is added to the
font atlas when text about to be drawn holds it.

Usage: python3 ui_characters.py --output FILE SOURCE.cpp [...]
"""
import re
import sys

import unicode_ranges

SIMPLE_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'", 'a': '\a',
                  'b': '\b', 'f': '\f', 'v': '\v', '?': '?'}


def literal_bytes(body):
    """The bytes of a (non-raw) literal's body, escapes decoded, as UTF-8."""
    out = bytearray()
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != '\\':
            out += ch.encode('utf-8')
            i += 1
            continue
        kind = body[i + 1]
        if kind == 'x':
            digits = re.match(r'[0-9A-Fa-f]+', body[i + 2:]).group(0)
            out.append(int(digits, 16) & 0xFF)
            i += 2 + len(digits)
        elif kind in 'uU':
            width = 4 if kind == 'u' else 8
            out += chr(int(body[i + 2:i + 2 + width], 16)).encode('utf-8')
            i += 2 + width
        elif kind in '01234567':
            digits = re.match(r'[0-7]{1,3}', body[i + 1:]).group(0)
            out.append(int(digits, 8) & 0xFF)
            i += 1 + len(digits)
        else:
            out += SIMPLE_ESCAPES.get(kind, kind).encode('utf-8')
            i += 2
    return bytes(out)


TOKEN = re.compile(r'''//[^\n]*|/\*.*?\*/|R"([^(\s]*)\((.*?)\)\1"|"((?:\\.|[^"\\\n])*)"|'((?:\\.|[^'\\\n])*)\'''',
                   re.S)


def literal_texts(source):
    for match in TOKEN.finditer(source):
        if match.group(0).startswith(('//', '/*')):
            continue
        if match.group(2) is not None:
            yield match.group(2)
        else:
            body = match.group(3) if match.group(3) is not None else match.group(4)
            yield literal_bytes(body).decode('utf-8', errors='ignore')


def main(output, paths):
    found = set()
    for path in paths:
        with open(path, encoding='utf-8') as f:
            for text in literal_texts(f.read()):
                found.update(ord(c) for c in text if ord(c) > 0x7E)
    with open(output, 'w') as f:
        f.write(unicode_ranges.text(found) + '\n')


if __name__ == '__main__':
    if len(sys.argv) < 3 or sys.argv[1] != '--output':
        sys.exit(__doc__)
    main(sys.argv[2], sys.argv[3:])
