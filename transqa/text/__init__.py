"""Language-independent text helpers shared by readers, the aligner and the checks."""
