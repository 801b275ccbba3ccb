// tsubo: the command-line entry point; each subcommand lives in its own file.
#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"tsubo: search Japanese statutes, rulings and guidance"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
