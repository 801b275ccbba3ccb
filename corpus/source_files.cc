// Finding importable files below user-given paths, reading them as UTF-8, and dispatching each to
// its parser (statute text or XML, ruling JSON, guidance text/Markdown, PDF, Word, HTML).
#include "corpus/source_files.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "corpus/citation_links.h"
#include "corpus/importers.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

constexpr std::uintmax_t kMaxSourceBytes = 256ull << 20;  // no real source comes near this
constexpr std::size_t kSniffBytes = 4096;                 // enough for a statute's first two lines
constexpr std::size_t kMaxLineBytes = 16u << 20;          // the longest real line (a 別表 row) is ~1 MB
constexpr std::size_t kDetectBytes = 64u << 10;           // what the charset detector looks at

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Hidden files, and the owner files Word leaves beside an open document (~$規程.docx, 162 bytes).
bool is_hidden(const std::string& name) { return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0; }

// Files that sit beside the sources but are not documents.
bool is_listing(const std::string& name) {
  return name == "MANIFEST.tsv" || name == "index.tsv" || lower(name).rfind("readme", 0) == 0;
}

bool is_supported_extension(const std::string& ext) {
  return ext == ".json" || ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".xml" || ext == ".pdf" ||
         ext == ".docx" || ext == ".html" || ext == ".htm";
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// The first kSniffBytes of a file; empty when it cannot be read (the import will say why).
std::string read_head(const fs::path& path) {
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) return {};
  std::string head(kSniffBytes, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f.get()));
  return head;
}

std::string to_utf8(std::string_view bytes);

// An e-Gov statute export opens with its title, then the law number in parentheses:
//   不正競争防止法
//   （平成五年五月十九日法律第四十七号）最終改正：平成二四年三月三一日法律第一二号
bool looks_like_statute(const fs::path& path) {
  std::string head = read_head(path);
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.erase(0, 3);
  if (!utf8::valid(head)) {  // Shift_JIS, EUC-JP, UTF-16: cut at a line end so no character is split
    const std::size_t nl = head.rfind('\n');
    if (nl != std::string::npos && head[0] != '\xFF' && head[0] != '\xFE') head.resize(nl + 1);
    try {
      head = to_utf8(head);
    } catch (const ImportError&) {
      return false;
    }
  }
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < head.size() && lines.size() < 2) {
    std::size_t nl = head.find('\n', pos);
    if (nl == std::string::npos) nl = head.size();
    std::string line = utf8::trim(std::string_view(head).substr(pos, nl - pos));
    if (!line.empty()) lines.push_back(std::move(line));
    pos = nl + 1;
  }
  if (lines.size() < 2) return false;
  const std::string& number = lines[1];
  if (number.rfind("（", 0) != 0 && number.rfind("(", 0) != 0) return false;
  static const char* const kInstruments[] = {"法律第", "政令第", "省令第", "府令第", "勅令第", "規則"};
  const bool instrument = std::any_of(std::begin(kInstruments), std::end(kInstruments),
                                      [&](const char* k) { return number.find(k) != std::string::npos; });
  return instrument && (number.find("号）") != std::string::npos || number.find("号)") != std::string::npos);
}

class Classifier {
 public:
  std::optional<SourceFile> classify(const fs::path& path) {
    const std::string ext = lower(path.extension().string());
    if (!is_supported_extension(ext)) return std::nullopt;
    SourceFile file;
    file.path = path.string();
    if (ext == ".json") {
      file.type = DocType::Ruling;
    } else if (ext == ".xml") {
      file.type = DocType::Statute;
      file.xml = true;
    } else if (ext == ".pdf") {
      std::error_code ec;
      if (fs::exists(fs::path(path).replace_extension(".json"), ec)) return std::nullopt;
      file.type = DocType::Guidance;
      file.pdf = true;
    } else if (ext == ".docx" || ext == ".html" || ext == ".htm") {
      file.type = DocType::Guidance;  // company rules and pages: guidance split by their own headings
      file.docx = ext == ".docx";
      file.html = !file.docx;
    } else if (ext == ".txt" && (folder_has_index(path.parent_path()) || looks_like_statute(path))) {
      file.type = DocType::Statute;
    } else {
      file.type = DocType::Guidance;
      file.markdown = ext == ".md" || ext == ".markdown";
    }
    file.doc_id = std::string(doc_type_name(file.type)) + "/" + path.stem().string();
    return file;
  }

 private:
  // statutes-2013 holds thousands of NNNN.txt beside one index.tsv: ask the file system once.
  bool folder_has_index(const fs::path& folder) {
    const auto [it, inserted] = index_folders_.try_emplace(folder.string(), false);
    if (inserted) {
      std::error_code ec;
      it->second = fs::is_regular_file(folder / "index.tsv", ec);
    }
    return it->second;
  }
  std::map<std::string, bool> index_folders_;
};

// Length of the longest line (\n or \r ends one); UTF-16 text has them too, as 0A 00.
std::size_t longest_line(std::string_view bytes) {
  std::size_t longest = 0, start = 0;
  for (;;) {
    const void* nl = std::memchr(bytes.data() + start, '\n', bytes.size() - start);
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - bytes.data()) : bytes.size();
    if (end - start > longest) {
      // Lone CRs end lines in old Mac exports: only look for them in a line that is already long.
      const std::string_view line = bytes.substr(start, end - start);
      std::size_t line_longest = 0, from = 0;
      for (std::size_t cr; (cr = line.find('\r', from)) != std::string_view::npos; from = cr + 1)
        line_longest = std::max(line_longest, cr - from);
      longest = std::max(longest, std::max(line_longest, line.size() - from));
    }
    if (!nl) return longest;
    start = end + 1;
  }
}

struct UConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct UCharsetDetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// Decodes bytes from `charset` strictly (an unmappable or broken sequence is an error, not U+FFFD).
std::optional<std::string> convert_strict(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, UConverterCloser> from(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::unique_ptr<UConverter, UConverterCloser> to(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(bytes.size() * 2 + 16, '\0');  // CP932/EUC-JP: 2 bytes → 3; UTF-16: 2 → at most 3
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

// Text has no control characters but tab, line ends and form feed: a decoding that yields them
// picked the wrong charset (or the file is binary).
bool looks_like_text(std::string_view s) {
  std::size_t controls = 0;
  for (unsigned char c : s)
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  return controls * 1000 <= s.size();
}

// Charsets the ICU detector proposes for the head of the file, best first, limited to those a
// Japanese source comes in (UTF-16 only with a byte order mark: without one, any binary decodes). Shift_JIS is read as CP932 (Windows-31J: ①, ㈱, NEC and IBM kanji).
std::vector<std::string> japanese_charsets(std::string_view bytes) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, UCharsetDetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return out;
  const std::string_view head = bytes.substr(0, kDetectBytes);
  ucsdet_setText(detector.get(), head.data(), static_cast<int32_t>(head.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  if (U_FAILURE(status)) return out;
  for (int32_t k = 0; k < found; ++k) {
    const char* name = ucsdet_getName(matches[k], &status);
    if (U_FAILURE(status) || !name) break;
    const std::string n = name;
    const std::string charset = n == "Shift_JIS" ? "windows-31j" : n;
    if ((charset == "windows-31j" || n == "EUC-JP" || n == "ISO-2022-JP") &&
        std::find(out.begin(), out.end(), charset) == out.end())
      out.push_back(charset);
  }
  return out;
}

// Where a UTF-8 character cut short by the end of the bytes starts, when all before it is UTF-8: a
// file truncated mid-character (a download cut off), not one in another encoding. npos otherwise.
std::size_t cut_character_at_end(std::string_view bytes) {
  for (std::size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
    const auto c = static_cast<unsigned char>(bytes[bytes.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back for the lead
    const std::size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    const std::size_t start = bytes.size() - back;
    return back < length && utf8::valid(bytes.substr(0, start)) ? start : std::string_view::npos;
  }
  return std::string_view::npos;
}

// Bytes that are not UTF-8 → UTF-8: UTF-16 with a BOM, else what the detector proposes among the
// Japanese charsets, else CP932 then EUC-JP, each decoded strictly and checked to look like text.
std::string to_utf8(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const char* charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    auto text = convert_strict(bytes.substr(2), charset);
    if (!text || !looks_like_text(*text))
      throw ImportError(std::string("not valid ") + charset + " although it starts with a UTF-16 byte order mark");
    return *text;
  }
  std::vector<std::string> candidates = japanese_charsets(bytes);
  if (bytes.find("\x1B$B") != std::string_view::npos) candidates.insert(candidates.begin(), "ISO-2022-JP");
  for (const char* fallback : {"windows-31j", "EUC-JP"})
    if (std::find(candidates.begin(), candidates.end(), fallback) == candidates.end()) candidates.push_back(fallback);
  for (const auto& charset : candidates) {
    auto text = convert_strict(bytes, charset.c_str());
    if (text && looks_like_text(*text) && utf8::valid(*text)) return *text;
  }
  throw ImportError(
      "unknown encoding: not UTF-8, UTF-16 with a byte order mark, Shift_JIS/CP932, EUC-JP or ISO-2022-JP "
      "(a binary file?)");
}

// The ICU converter for a charset a document declares, among the Japanese ones; nullptr for others.
const char* japanese_charset_named(const std::string& declared) {
  const std::string name = lower(declared);
  if (name == "shift_jis" || name == "shift-jis" || name == "sjis" || name == "x-sjis" || name == "windows-31j" ||
      name == "cp932" || name == "ms932")
    return "windows-31j";  // as detected Shift_JIS is read: with the Windows extensions (①, ㈱)
  if (name == "euc-jp" || name == "x-euc-jp") return "EUC-JP";
  if (name == "iso-2022-jp") return "ISO-2022-JP";
  return nullptr;
}

}  // namespace

std::vector<SourceFile> find_source_files(const std::vector<std::string>& paths, std::vector<std::string>& missing) {
  Classifier classifier;
  std::set<std::string> seen;
  std::vector<SourceFile> files;
  auto add = [&](const fs::path& path) {
    const fs::path normal = path.lexically_normal();
    if (!seen.insert(normal.string()).second) return;
    if (auto file = classifier.classify(normal)) files.push_back(std::move(*file));
  };
  for (const auto& given : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(given, ec);
    if (!fs::exists(status)) {
      missing.push_back(given);
      continue;
    }
    if (!fs::is_directory(status)) {
      add(given);  // named on purpose: only the extension decides
      continue;
    }
    fs::recursive_directory_iterator it(given, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (is_hidden(name)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!is_listing(name) && it->is_regular_file(ec)) add(it->path());
    }
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return files;
}

std::string read_source_bytes(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxSourceBytes)
    throw ImportError("file too large: " + std::to_string(size >> 20) + " MB (limit " +
                      std::to_string(kMaxSourceBytes >> 20) + " MB)");

  errno = 0;
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) throw ImportError(std::string("cannot read: ") + std::strerror(errno));
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get());
    bytes.append(buffer, n);
    if (bytes.size() > kMaxSourceBytes)
      throw ImportError("file too large (limit " + std::to_string(kMaxSourceBytes >> 20) + " MB)");
    if (n < sizeof buffer) break;
  }
  if (std::ferror(f.get())) throw ImportError(std::string("cannot read: ") + std::strerror(errno));
  return bytes;
}

std::string read_source_text(const std::string& path) {
  const std::string bytes = read_source_bytes(path);
  // A 200 MB file without a line break is a dump or a binary, not a document: refuse it before
  // any conversion or parser multiplies its size.
  if (const std::size_t longest = longest_line(bytes); longest > kMaxLineBytes)
    throw ImportError("a line of " + std::to_string(longest >> 20) + " MB without a line break (limit " +
                      std::to_string(kMaxLineBytes >> 20) + " MB): not a text document");
  return decode_source_text(bytes, path);
}

std::string decode_source_text(const std::string& bytes, const std::string& path, const std::string& declared_charset) {
  std::string_view view(bytes);
  std::string converted;
  if (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  if (view.empty()) throw ImportError("empty file");
  // JSON is UTF-8 (RFC 8259): one cut inside a character at the end was truncated, it is not binary.
  if (lower(fs::path(path).extension().string()) == ".json" && !utf8::valid(view))
    if (const std::size_t cut = cut_character_at_end(view); cut != std::string_view::npos)
      throw ImportError("[corpus][source_files] " + path + ": truncated or malformed JSON at byte " +
                        std::to_string(static_cast<std::size_t>(view.data() - bytes.data()) + cut) +
                        ": the file ends inside a UTF-8 character");
  if (!utf8::valid(view) || view.find("\x1B$B") != std::string_view::npos) {  // ESC $ B: ISO-2022-JP (JIS)
    try {
      const char* charset = japanese_charset_named(declared_charset);
      std::optional<std::string> as_declared;
      if (charset) as_declared = convert_strict(view, charset);
      converted = as_declared && looks_like_text(*as_declared) && utf8::valid(*as_declared) ? *as_declared : to_utf8(view);
    } catch (const ImportError& e) {
      // Mostly one stray byte in a UTF-8 file: say where, so it can be mended.
      const std::size_t bad = utf8::first_invalid(view);
      if (bad == std::string_view::npos) throw;
      const std::size_t line = 1 + static_cast<std::size_t>(std::count(view.begin(), view.begin() + bad, '\n'));
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(view[bad]));
      throw ImportError(std::string(e.what()) + "; as UTF-8 it breaks at byte " +
                        std::to_string(static_cast<std::size_t>(view.data() - bytes.data()) + bad) + " (line " +
                        std::to_string(line) + ", byte " + byte + ")");
    }
    view = converted;
  }
  // A file saved twice by some tools carries two byte order marks; in UTF-16 the second one decodes to
  // U+FEFF (found by fuzz/source_encoding_fuzz.cc: FF FE FF FE …). None reaches the importers.
  while (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  if (view.empty()) throw ImportError("empty file");
  // CRLF and lone CR (old Mac exports) become LF.
  std::string text;
  text.reserve(view.size());
  for (std::size_t i = 0; i < view.size(); ++i) {
    if (view[i] != '\r') {
      text += view[i];
    } else {
      text += '\n';
      if (i + 1 < view.size() && view[i + 1] == '\n') ++i;
    }
  }
  return text;
}

namespace {

Document parse_source(const SourceFile& file, const std::string& text) {
  switch (file.type) {
    case DocType::Statute:
      return file.xml ? parse_statute_xml(text, file.doc_id, file.path) : parse_statute_text(text, file.doc_id, file.path);
    case DocType::Ruling: return parse_ruling_json(text, file.path);
    case DocType::Guidance: return parse_guidance(text, file.markdown, file.doc_id, file.path);
  }
  throw ImportError(std::string("no importer for type ") + doc_type_name(file.type));
}

}  // namespace

Document import_source_file(const SourceFile& file) {
  try {
    Document doc = file.pdf    ? parse_pdf(file.path, file.doc_id)
                   : file.docx ? parse_docx(file.path, file.doc_id)
                   : file.html ? parse_html(read_html_text(file.path), file.doc_id, file.path)
                               : parse_source(file, read_source_text(file.path));
    attach_citations(doc);
    return doc;
  } catch (const ImportError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const nlohmann::json::exception& e) {  // "[json.exception.type_error.316] …" alone said nothing
    throw ImportError(std::string("[corpus] ") +
                      (e.id == 316 ? "text that is not valid UTF-8 reached a JSON record" : "a JSON error") + " (" +
                      e.what() + ")");
  } catch (const std::exception& e) {
    throw ImportError(e.what());
  } catch (...) {
    throw ImportError("unknown error in the importer");
  }
}

}  // namespace tsubo
