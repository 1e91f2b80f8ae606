"""Thai knowledge in one place, no I/O: character classes (chars), the private-use mark table of
older Thai fonts (pua), numerals (numerals)."""
