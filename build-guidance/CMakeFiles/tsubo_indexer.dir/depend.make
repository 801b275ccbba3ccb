# Empty dependencies file for tsubo_indexer.
# This may be replaced when dependencies are built.
