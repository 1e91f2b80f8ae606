"""Thai character knowledge shared by the readers, the repair and the structure code (no I/O):
character classes (chars), the private-use mark table of older Thai fonts (pua), numerals."""
