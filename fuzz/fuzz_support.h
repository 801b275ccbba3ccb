// What the fuzz targets share: one analyzer, a scratch folder for APIs that read files, and the checks
// every importer's document must pass on its way to the index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/document.h"

namespace tsubo {
class Analyzer;
}

namespace tsubo::fuzz {

// MeCab's default dictionary, loaded once per process.
const Analyzer& analyzer();

// A folder of this process under $TMPDIR (default /tmp), made on first use and removed at exit.
const std::string& scratch_folder();

// Writes data to scratch_folder()/name (replacing it) and returns the path.
std::string write_scratch_file(const std::string& name, std::string_view data);

// The checkout's root (for fixtures and web/).
std::string source_dir();

// Prints "[fuzz] <what>" and aborts, so libFuzzer keeps the input as a crash.
[[noreturn]] void fail(const std::string& what);

// Does to doc what `tsubo index` does after importing it: citations attached, every passage made into
// a Xapian document and its JSON record. A term too long for Xapian is the documented skip
// (std::length_error); anything else thrown, or a passage that is not valid UTF-8, is a failure.
void check_document(Document& doc);

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace tsubo::fuzz
