// API tokens are stored as SHA-256 digests (OpenSSL's libcrypto) and compared in constant time.
#pragma once

#include <string>
#include <string_view>

namespace tsubo {

// The SHA-256 digest of text as 64 lower-case hex digits.
std::string sha256_hex(std::string_view text);

// Whether two strings are equal, in a time that depends on their length only (not on where they
// differ), so that answer times do not reveal how much of a digest was guessed.
bool same_secret(std::string_view a, std::string_view b);

// A new random token: 32 bytes from the system's CSPRNG as 64 hex digits. Throws std::runtime_error
// when the generator fails.
std::string new_token();

}  // namespace tsubo
