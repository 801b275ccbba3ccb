// Finding source files under the paths a user names, reading them safely, and picking the importer.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "corpus/document.h"

namespace tsubo {

// A file below the given paths that tsubo can import, with the importer chosen for it.
struct SourceFile {
  std::string path;
  std::string doc_id;  // statute/<stem>, ruling/<stem>, guidance/<stem>
  DocType type = DocType::Guidance;
  bool markdown = false;
};

// Walks files and folders (sorted, so runs are reproducible). MANIFEST.tsv, index.tsv, README
// and hidden files are skipped. .json → ruling; .txt beside an index.tsv or shaped like an e-Gov
// statute → statute; other .txt and .md → guidance. Paths that do not exist are reported in
// `missing`.
std::vector<SourceFile> find_source_files(const std::vector<std::string>& paths, std::vector<std::string>& missing);

// Reads the file and returns its text as UTF-8 (a BOM is dropped; CRLF becomes LF). Throws
// ImportError when it cannot be read, is empty or is not valid UTF-8 (with a hint at the encoding).
std::string read_source_text(const std::string& path);

// Reads and parses one source file; throws ImportError with the reason.
Document import_source_file(const SourceFile& file);

}  // namespace tsubo
