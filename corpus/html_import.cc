// HTML pages (an intranet's rules, a ministry's guidance page): libxml2's forgiving HTML parser,
// then the element tree walked in order into headings (h1–h6), paragraphs, list items and table
// rows, split like Markdown guidance with the page's own articles (第1条（目的）…) as passages.
// Scripts, styles and other non-text elements are dropped here, so their text never reaches the
// index or a snippet.
#include <cctype>
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "corpus/document_blocks.h"
#include "corpus/importers.h"
#include "corpus/source_files.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr std::size_t kCharsetSniffBytes = 4096;  // where a <meta charset> must be (HTML: 1024; be lenient)
constexpr std::size_t kMaxTitleChars = 200;

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
  throw ImportError("[corpus][html] " + path + ": " + reason);
}

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool in(const char* name, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return std::strcmp(name, n) == 0; });
}

// Elements whose content is never text of the page.
bool is_dropped(const char* name) {
  return in(name, {"script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math",
                   "canvas", "select", "button", "nav"});
}

bool is_block(const char* name) {
  return in(name, {"p",      "div",     "section", "article", "main",     "header",     "footer", "aside", "blockquote",
                   "pre",    "address", "figure",  "figcaption", "dl",  "dt",         "dd",     "ul",    "ol",
                   "li",     "table",   "tr",      "caption", "hr",       "form",       "fieldset", "center", "body",
                   "h1",     "h2",      "h3",      "h4",      "h5",       "h6",         "tbody",  "thead", "tfoot"});
}

int heading_level(const char* name) {
  return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0' ? name[1] - '0' : 0;
}

// HTML whitespace collapsed as a browser shows it: runs of space, tab and line end become one space.
void append_collapsed(std::string& out, const char* text) {
  for (const char* p = text; *p; ++p) {
    const bool space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
    if (!space) {
      out += *p;
    } else if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
      out += ' ';
    }
  }
}

class BlockReader {
 public:
  void enter(xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      const char* text = reinterpret_cast<const char*>(n->content);
      if (!text) return;
      if (pre_depth_ > 0) inline_ += text;
      else append_collapsed(inline_, text);
      return;
    }
    if (n->type != XML_ELEMENT_NODE) return;
    const char* name = reinterpret_cast<const char*>(n->name);
    if (std::strcmp(name, "br") == 0) {
      inline_ += cell_depth_ > 0 ? ' ' : '\n';
    } else if (std::strcmp(name, "td") == 0 || std::strcmp(name, "th") == 0) {
      if (cell_depth_++ == 0) inline_.clear();
    } else if (std::strcmp(name, "tr") == 0 && cell_depth_ == 0) {
      flush(TextBlock::Paragraph, 0);
      rows_.emplace_back();
    } else if (is_block(name)) {
      if (cell_depth_ > 0) inline_ += ' ';
      else flush(TextBlock::Paragraph, 0);
      if (std::strcmp(name, "pre") == 0) ++pre_depth_;
    }
  }

  void exit(xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return;
    const char* name = reinterpret_cast<const char*>(n->name);
    if (std::strcmp(name, "td") == 0 || std::strcmp(name, "th") == 0) {
      if (--cell_depth_ > 0) return;
      const std::string cell = utf8::trim(inline_);
      inline_.clear();
      if (!cell.empty() && !rows_.empty()) rows_.back().push_back(cell);
      else if (!cell.empty()) blocks_.push_back({TextBlock::Paragraph, 0, cell});  // a cell outside a row
    } else if (std::strcmp(name, "tr") == 0 && cell_depth_ == 0 && !rows_.empty()) {
      std::string row;
      for (const auto& cell : rows_.back()) row += (row.empty() ? "" : " | ") + cell;
      rows_.pop_back();
      if (!row.empty()) blocks_.push_back({TextBlock::TableRow, 0, row});
    } else if (is_block(name) && cell_depth_ == 0) {
      if (std::strcmp(name, "pre") == 0 && pre_depth_ > 0) --pre_depth_;
      const int level = heading_level(name);
      flush(level ? TextBlock::Heading : std::strcmp(name, "li") == 0 ? TextBlock::ListItem : TextBlock::Paragraph,
            level);
    }
  }

  std::vector<TextBlock> finish() {
    flush(TextBlock::Paragraph, 0);
    return std::move(blocks_);
  }

 private:
  void flush(TextBlock::Kind kind, int level) {
    std::string text = utf8::trim(inline_);
    inline_.clear();
    if (!text.empty()) blocks_.push_back({kind, level, std::move(text)});
  }

  std::string inline_;
  int cell_depth_ = 0;
  int pre_depth_ = 0;
  std::vector<std::vector<std::string>> rows_;  // cells of the open rows (tables in tables)
  std::vector<TextBlock> blocks_;
};

// Walks below root in document order without recursion (no stack overflow on deep nesting),
// skipping dropped elements.
void walk(xmlNode* root, BlockReader& reader) {
  xmlNode* n = root->children;
  while (n) {
    const bool dropped = n->type == XML_ELEMENT_NODE && is_dropped(reinterpret_cast<const char*>(n->name));
    if (!dropped) reader.enter(n);
    if (!dropped && n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    if (!dropped) reader.exit(n);
    while (n != root && !n->next) {
      n = n->parent;
      if (n != root) reader.exit(n);
    }
    if (n == root) break;
    n = n->next;
  }
}

// The text of the first <title>, whitespace collapsed.
std::string page_title(xmlNode* root) {
  xmlNode* n = root;
  while (n) {
    if (n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), "title") == 0) {
      std::unique_ptr<xmlChar, void (*)(void*)> content(xmlNodeGetContent(n), xmlFree);
      std::string title;
      if (content) append_collapsed(title, reinterpret_cast<const char*>(content.get()));
      title = utf8::trim(title);
      return utf8::length(title) <= kMaxTitleChars ? title : "";
    }
    if (n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), "body") == 0) return "";
    if (n->children && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    while (n != root && !n->next) n = n->parent;
    if (n == root) break;
    n = n->next;
  }
  return "";
}

// <meta charset="Shift_JIS"> or <meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">
// in the head of the bytes; "" when none is named.
std::string declared_charset(const std::string& bytes) {
  std::string head = bytes.substr(0, kCharsetSniffBytes);
  for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
    const std::size_t end = head.find('>', meta);
    const std::string tag = head.substr(meta, end == std::string::npos ? std::string::npos : end - meta);
    const std::size_t at = tag.find("charset=");
    if (at == std::string::npos) continue;
    std::size_t from = at + 8;
    while (from < tag.size() && (tag[from] == '"' || tag[from] == '\'' || tag[from] == ' ')) ++from;
    std::size_t to = from;
    while (to < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[to])) || tag[to] == '-' || tag[to] == '_')) ++to;
    if (to > from) return tag.substr(from, to - from);
  }
  return "";
}

}  // namespace

std::string read_html_text(const std::string& path) {
  const std::string bytes = read_source_bytes(path);
  return decode_source_text(bytes, path, declared_charset(bytes));
}

Document parse_html(std::string_view html, const std::string& doc_id, const std::string& source_path) {
  if (html.size() > static_cast<std::size_t>(INT32_MAX)) fail(source_path, "too large for the HTML parser");
  // The text is UTF-8 by now: a <meta charset> in it must not make libxml2 decode it again.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED;
  std::unique_ptr<xmlDoc, XmlDocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) fail(source_path, "no HTML elements (an empty or binary file?)");

  BlockReader reader;
  // From the document node, so that the root element itself is entered and left.
  walk(reinterpret_cast<xmlNode*>(doc.get()), reader);
  const std::vector<TextBlock> blocks = reader.finish();
  const std::string markdown = utf8::sanitize(blocks_to_markdown(blocks));
  if (utf8::trim(markdown).empty()) fail(source_path, "no text outside scripts, styles and markup");
  Document d;
  try {
    d = parse_structured_markdown(markdown, doc_id, source_path);
  } catch (const ImportError& e) {
    fail(source_path, e.what());
  }
  if (const std::string title = page_title(root); !title.empty()) d.title = title;
  return d;
}

}  // namespace tsubo
