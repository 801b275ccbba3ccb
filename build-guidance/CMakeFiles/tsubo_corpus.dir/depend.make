# Empty dependencies file for tsubo_corpus.
# This may be replaced when dependencies are built.
