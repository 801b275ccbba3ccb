// Option shapes shared by the subcommands.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace tsubo::cli {

CLI::Option* one_value_each(CLI::Option* option) {
  // CLI11 lets a vector option take every following word; without extra args it takes one.
  return option->allow_extra_args(false)->delimiter(',');
}

std::string out_of_range(const std::string& option, long long value, long long low, long long high) {
  if (value >= low && value <= high) return "";
  return option + " must be between " + std::to_string(low) + " and " + std::to_string(high);
}

}  // namespace tsubo::cli
