# Empty dependencies file for tsubo_search.
# This may be replaced when dependencies are built.
