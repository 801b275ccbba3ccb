// Finding importable files below user-given paths, reading them as UTF-8, and dispatching each to
// its parser (statute text, ruling JSON, guidance text/Markdown).
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

#include "corpus/importers.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

constexpr std::uintmax_t kMaxSourceBytes = 256ull << 20;  // no real source comes near this
constexpr std::size_t kSniffBytes = 4096;                 // enough for a statute's first two lines

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_hidden(const std::string& name) { return name.empty() || name[0] == '.'; }

// Files that sit beside the sources but are not documents.
bool is_listing(const std::string& name) {
  return name == "MANIFEST.tsv" || name == "index.tsv" || lower(name).rfind("readme", 0) == 0;
}

bool is_supported_extension(const std::string& ext) {
  return ext == ".json" || ext == ".txt" || ext == ".md" || ext == ".markdown";
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

// An e-Gov statute export opens with its title, then the law number in parentheses:
//   不正競争防止法
//   （平成五年五月十九日法律第四十七号）最終改正：平成二四年三月三一日法律第一二号
bool looks_like_statute(const fs::path& path) {
  std::string head = read_head(path);
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.erase(0, 3);
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

std::string read_source_text(const std::string& path) {
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

  std::string_view view(bytes);
  if (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  if (view.empty()) throw ImportError("empty file");
  if (!utf8::valid(view)) {
    if (view.substr(0, 2) == "\xFF\xFE" || view.substr(0, 2) == "\xFE\xFF")
      throw ImportError("not UTF-8 (looks like UTF-16; convert it with iconv -f UTF-16 -t UTF-8)");
    throw ImportError("not UTF-8 (looks like Shift_JIS or EUC-JP; convert it with iconv -f CP932 -t UTF-8)");
  }

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

Document import_source_file(const SourceFile& file) {
  const std::string text = read_source_text(file.path);
  try {
    switch (file.type) {
      case DocType::Statute: return parse_statute_text(text, file.doc_id, file.path);
      case DocType::Ruling: return parse_ruling_json(text, file.path);
      case DocType::Guidance: return parse_guidance(text, file.markdown, file.doc_id, file.path);
    }
  } catch (const ImportError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw ImportError(e.what());
  } catch (...) {
    throw ImportError("unknown error in the importer");
  }
  throw ImportError(std::string("no importer for type ") + doc_type_name(file.type));
}

}  // namespace tsubo
