"""Thai knowledge in one place: character classes (chars), the private-use mark table of older
Thai fonts (pua), numerals (numerals), the one word list (words), the one segmentation front
door (segment), words learned from a document (learn), names and their Latin spellings (names),
and whether a space or line end is inside a word (inword)."""
