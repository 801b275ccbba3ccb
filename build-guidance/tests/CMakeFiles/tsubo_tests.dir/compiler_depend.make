# Empty compiler generated dependencies file for tsubo_tests.
# This may be replaced when dependencies are built.
