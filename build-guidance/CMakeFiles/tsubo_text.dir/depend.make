# Empty dependencies file for tsubo_text.
# This may be replaced when dependencies are built.
