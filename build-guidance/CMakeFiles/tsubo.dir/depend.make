# Empty dependencies file for tsubo.
# This may be replaced when dependencies are built.
