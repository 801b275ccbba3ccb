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
  bool xml = false;  // e-Gov 法令標準XML (type Statute)
  bool pdf = false;  // a PDF: a ruling when its first page reads like one, else guidance
  bool docx = false;  // Word (type Guidance): company rules split by heading and article
  bool html = false;  // .html / .htm (type Guidance)
};

// Walks files and folders (sorted, so runs are reproducible). MANIFEST.tsv, index.tsv, README
// and hidden files (also Word's ~$ owner files) are skipped. .xml → statute (e-Gov XML); .docx, .html
// and .htm → guidance; .pdf → decided on import (a PDF beside
// a .json of the same name is skipped: the JSON has its text and metadata); .json → ruling; .txt beside an index.tsv or shaped like an e-Gov
// statute → statute; other .txt and .md → guidance. Paths that do not exist are reported in
// `missing`.
std::vector<SourceFile> find_source_files(const std::vector<std::string>& paths, std::vector<std::string>& missing);

// Reads the file and returns its text as UTF-8 (a BOM is dropped; CRLF becomes LF). Text that is
// not UTF-8 is detected (ICU) and converted: UTF-16 with a byte order mark, Shift_JIS (as CP932),
// EUC-JP, ISO-2022-JP. Throws ImportError when it cannot be read, is empty, is in none of these
// encodings, is over 256 MB or holds a line over 16 MB (a dump or binary, not a document).
std::string read_source_text(const std::string& path);

// The bytes of a source file, under the same size limit; throws ImportError.
std::string read_source_bytes(const std::string& path);

// What read_source_text does after reading: bytes → UTF-8 text with LF line ends. declared_charset,
// when given (an HTML page's <meta charset>: Shift_JIS, EUC-JP, ISO-2022-JP), is tried first for
// text that is not UTF-8; a declaration the bytes do not fit falls back to detection.
std::string decode_source_text(const std::string& bytes, const std::string& path,
                               const std::string& declared_charset = "");

// Reads and parses one source file; throws ImportError with the reason.
Document import_source_file(const SourceFile& file);

}  // namespace tsubo
