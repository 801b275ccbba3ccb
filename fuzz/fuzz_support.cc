// Shared fuzz helpers: the analyzer, the scratch folder and the document checks (fuzz_support.h).
#include "fuzz/fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "corpus/citation_links.h"
#include "indexer/passage_document.h"
#include "text/analyzer.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace tsubo::fuzz {

const Analyzer& analyzer() {
  static const Analyzer instance;
  return instance;
}

namespace {

// Removes the scratch folder when the process ends normally (libFuzzer's -max_total_time exits).
struct ScratchFolder {
  std::string path;
  ScratchFolder() {
    const char* tmp = std::getenv("TMPDIR");
    path = std::string(tmp && *tmp ? tmp : "/tmp") + "/tsubo-fuzz-" + std::to_string(getpid());
    fs::create_directories(path);
  }
  ~ScratchFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

const std::string& scratch_folder() {
  static const ScratchFolder folder;
  return folder.path;
}

std::string write_scratch_file(const std::string& name, std::string_view data) {
  const std::string path = scratch_folder() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!out) fail("cannot write " + path);
  return path;
}

std::string source_dir() { return TSUBO_SOURCE_DIR; }

void fail(const std::string& what) {
  std::fprintf(stderr, "[fuzz] %s\n", what.c_str());
  std::abort();
}

void check_document(Document& doc) {
  attach_citations(doc);
  for (std::size_t i = 0; i < doc.passages.size(); ++i) {
    const Passage& p = doc.passages[i];
    if (!utf8::valid(p.text)) fail("passage " + p.id + " holds text that is not UTF-8");
    for (const auto& h : p.heading_path)
      if (!utf8::valid(h)) fail("passage " + p.id + " has a heading that is not UTF-8");
    if (p.source_begin > p.source_end) fail("passage " + p.id + " ends before it begins");
    try {
      make_passage_document(doc, p, i, analyzer());
    } catch (const std::length_error&) {
      // A term Xapian cannot store: `tsubo index` skips the file with this reason.
    }
    passage_record(doc, p, i).dump();  // throws on text that is not UTF-8 (the skip the issue saw for PDFs)
  }
}

}  // namespace tsubo::fuzz
