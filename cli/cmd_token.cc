// tsubo token: a new API token and the SHA-256 digest to put in tsubo serve's --config file.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "cli/commands.h"
#include "search/token_hash.h"
#include "text/utf8.h"

namespace tsubo::cli {

void register_token(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("token", "Make an API token for tsubo serve --config, or the digest of one");
  auto hash_only = std::make_shared<bool>(false);
  cmd->add_flag("--hash", *hash_only, "Read a token on standard input and print only its SHA-256 digest");
  cmd->callback([hash_only, &exit_status] {
    if (*hash_only) {
      std::string token;
      std::getline(std::cin, token);
      token = utf8::trim(token);
      if (token.empty()) {
        std::cerr << "[token] no token on standard input\n";
        exit_status = kExitFailure;
        return;
      }
      std::cout << sha256_hex(token) << "\n";
      return;
    }
    const std::string token = new_token();
    std::cout << "token:  " << token << "   (give it to the user or program; it is not stored)\n"
              << "sha256: " << sha256_hex(token) << "   (put this in the config file's \"tokens\")\n";
  });
}

}  // namespace tsubo::cli
