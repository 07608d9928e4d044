"""Codepoint ranges as fontTools' --unicodes writes them (U+0020-007E,U+20AC),
shared by the font scripts: read into a set, and a set back into runs or text."""


def parse(text):
    """The codepoints of 'U+0020-007E,U+20AC,...'."""
    codepoints = set()
    for part in text.split(','):
        first, _, last = part.strip().upper().removeprefix('U+').partition('-')
        codepoints.update(range(int(first, 16), int(last.removeprefix('U+') or first, 16) + 1))
    return codepoints


def runs(codepoints):
    """[[first, last], ...] of consecutive codepoints, in order."""
    out = []
    for c in sorted(codepoints):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def text(codepoints):
    """The codepoints written as parse() reads them."""
    return ','.join('U+{:04X}'.format(a) if a == b else 'U+{:04X}-{:04X}'.format(a, b) for a, b in runs(codepoints))
