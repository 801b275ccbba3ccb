// Word (.docx): the zip read under the archive limits, word/document.xml walked in order into
// headings, paragraphs, list items and table rows, then split like Markdown guidance with the
// document's own articles (第1条（目的）…) as passages. A paragraph looks like
//   <w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>
//        <w:r><w:t>総則</w:t></w:r></w:p>
// where style "1" is named "heading 1" in word/styles.xml (Japanese Word's 見出し 1).
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "corpus/archive.h"
#include "corpus/document_blocks.h"
#include "corpus/docx_numbering.h"
#include "corpus/importers.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr const char* kDocumentPart = "word/document.xml";
constexpr const char* kStylesPart = "word/styles.xml";
constexpr const char* kNumberingPart = "word/numbering.xml";
constexpr int kMaxBasedOn = 16;  // style inheritance steps followed (a loop stops here)

// A .docx is small: its XML parts are held in memory, so they get tighter limits than an archive.
ArchiveLimits docx_limits() {
  ArchiveLimits limits;
  limits.max_entries = 10000;
  limits.max_member_bytes = std::uint64_t{64} << 20;
  limits.max_unpacked_bytes = std::uint64_t{256} << 20;
  return limits;
}

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
  throw ImportError("[corpus][docx] " + path + ": " + reason);
}

// The element's name without its namespace prefix: w:p → p.
const char* local(const pugi::xml_node& node) {
  const char* name = node.name();
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

bool is(const pugi::xml_node& node, const char* name) { return std::strcmp(local(node), name) == 0; }

// Pre-order walk below root without recursion (a document nested 100,000 deep cannot overflow the
// stack); visit returns whether to go below the node.
template <typename Visit>
void walk(const pugi::xml_node& root, Visit visit) {
  pugi::xml_node n = root.first_child();
  while (n) {
    if (visit(n) && n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != root && !n.next_sibling()) n = n.parent();
    if (n == root) break;
    n = n.next_sibling();
  }
}

std::string val(const pugi::xml_node& node, const char* child) {
  for (const auto& c : node.children())
    if (is(c, child)) return c.attribute("w:val").value();
  return "";
}

pugi::xml_node child(const pugi::xml_node& node, const char* name) {
  for (const auto& c : node.children())
    if (is(c, name)) return c;
  return {};
}

// What a paragraph style contributes: a heading level and a numbering of its own.
struct Style {
  std::string based_on;
  int heading_level = 0;  // 1–9; 0 = body text
  std::string num_id;
  int ilvl = 0;
};

int heading_level_of_name(std::string name) {
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name == "title") return 1;
  for (const char* prefix : {"heading ", "見出し "}) {
    const std::size_t n = std::strlen(prefix);
    if (name.compare(0, n, prefix) == 0 && name.size() == n + 1 && name[n] >= '1' && name[n] <= '9') return name[n] - '0';
  }
  return 0;
}

std::map<std::string, Style> read_styles(const std::string& xml) {
  std::map<std::string, Style> styles;
  pugi::xml_document doc;
  if (xml.empty() || !doc.load_buffer(xml.data(), xml.size())) return styles;  // the text still reads without
  for (const auto& s : doc.child("w:styles").children("w:style")) {
    if (std::strcmp(s.attribute("w:type").value(), "paragraph") != 0) continue;
    Style style;
    style.based_on = val(s, "basedOn");
    style.heading_level = heading_level_of_name(val(s, "name"));
    const pugi::xml_node ppr = child(s, "pPr");
    const std::string outline = val(ppr, "outlineLvl");
    if (!outline.empty() && outline[0] >= '0' && outline[0] <= '8' && outline.size() == 1) style.heading_level = outline[0] - '0' + 1;
    if (const pugi::xml_node num = child(ppr, "numPr")) {
      style.num_id = val(num, "numId");
      style.ilvl = std::atoi(val(num, "ilvl").c_str());
    }
    styles[s.attribute("w:styleId").value()] = style;
  }
  return styles;
}

// A style's own values, else those of the styles it is based on.
Style resolve(const std::map<std::string, Style>& styles, const std::string& id) {
  Style out;
  bool level_set = false, num_set = false;
  std::string at = id;
  for (int step = 0; step < kMaxBasedOn && !at.empty(); ++step) {
    const auto it = styles.find(at);
    if (it == styles.end()) break;
    if (!level_set && it->second.heading_level) out.heading_level = it->second.heading_level, level_set = true;
    if (!num_set && !it->second.num_id.empty()) out.num_id = it->second.num_id, out.ilvl = it->second.ilvl, num_set = true;
    at = it->second.based_on;
  }
  return out;
}

// Whether a run is hidden text (<w:rPr><w:vanish/></w:rPr>): not shown, so not indexed.
bool hidden_run(const pugi::xml_node& run) {
  const pugi::xml_node vanish = child(child(run, "rPr"), "vanish");
  if (!vanish) return false;
  const std::string v = vanish.attribute("w:val").value();
  return v != "0" && v != "false";
}

// The text of a paragraph as shown: runs, tabs and line breaks; text boxes and the fallback copy of
// drawings are left out (they would repeat or interrupt the paragraph).
std::string paragraph_text(const pugi::xml_node& p) {
  std::string text;
  walk(p, [&](const pugi::xml_node& n) {
    if (n.type() != pugi::node_element) return false;
    if (is(n, "r") && hidden_run(n)) return false;
    if (is(n, "txbxContent") || is(n, "Fallback") || is(n, "pPr") || is(n, "rPr")) return false;
    if (is(n, "t")) text += n.text().get();
    else if (is(n, "tab")) text += ' ';
    else if (is(n, "br") || is(n, "cr")) text += std::strcmp(n.attribute("w:type").value(), "page") == 0 ? ' ' : '\n';
    else if (is(n, "noBreakHyphen")) text += '-';
    return true;
  });
  return text;
}

// One line of cells: 区分 | 保管場所 | 管理責任者. Empty (merged) cells are left out.
std::string table_row_text(const pugi::xml_node& tr) {
  std::string row;
  for (const auto& tc : tr.children()) {
    if (!is(tc, "tc")) continue;
    std::string cell;
    walk(tc, [&](const pugi::xml_node& n) {
      if (!is(n, "p")) return n.type() == pugi::node_element;
      const std::string t = utf8::trim(paragraph_text(n));
      if (!t.empty()) cell += (cell.empty() ? "" : " ") + t;
      return false;
    });
    std::string flat;
    for (char c : cell) flat += c == '\n' ? ' ' : c;
    if (flat.empty()) continue;
    row += (row.empty() ? "" : " | ") + flat;
  }
  return row;
}

std::vector<TextBlock> read_blocks(const pugi::xml_node& body, const std::map<std::string, Style>& styles,
                                   DocxNumbering& numbering) {
  std::vector<TextBlock> blocks;
  walk(body, [&](const pugi::xml_node& n) {
    if (n.type() != pugi::node_element || is(n, "sectPr")) return false;
    if (is(n, "tbl")) {
      walk(n, [&](const pugi::xml_node& row) {
        if (!is(row, "tr")) return row.type() == pugi::node_element && !is(row, "tc");
        const std::string text = table_row_text(row);
        if (!text.empty()) blocks.push_back({TextBlock::TableRow, 0, text});
        return false;
      });
      return false;
    }
    if (!is(n, "p")) return true;  // w:sdt, w:sdtContent, w:customXml hold paragraphs too
    const pugi::xml_node ppr = child(n, "pPr");
    Style style = resolve(styles, val(ppr, "pStyle"));
    const std::string outline = val(ppr, "outlineLvl");
    if (outline.size() == 1 && outline[0] >= '0' && outline[0] <= '9')
      style.heading_level = outline[0] == '9' ? 0 : outline[0] - '0' + 1;
    if (const pugi::xml_node num = child(ppr, "numPr")) {
      style.num_id = val(num, "numId");
      style.ilvl = std::atoi(val(num, "ilvl").c_str());
    }
    std::string text = paragraph_text(n);
    if (utf8::trim(text).empty()) return false;
    TextBlock block;
    if (!style.num_id.empty() && style.num_id != "0") {
      if (numbering.is_bullet(style.num_id, style.ilvl)) block.kind = TextBlock::ListItem;
      text = numbering.next(style.num_id, style.ilvl) + utf8::trim(text);
    }
    if (style.heading_level > 0) {
      block.kind = TextBlock::Heading;
      block.level = style.heading_level;
    }
    block.text = std::move(text);
    blocks.push_back(std::move(block));
    return false;
  });
  return blocks;
}

// The first bytes say what the file is: a zip ("PK\3\4"), or an OLE container (an old .doc, or a
// .docx encrypted with a password).
void check_signature(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) fail(path, std::string("cannot read: ") + std::strerror(errno));
  unsigned char head[4] = {0, 0, 0, 0};
  const std::size_t n = std::fread(head, 1, sizeof head, f.get());
  if (n == 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
    fail(path, "an old binary Word file (.doc) or a password-protected .docx, not a zip of XML: save it as .docx without a password");
  if (n < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4)
    fail(path, "not a zip archive, so not a .docx (a .docx is a zip of XML parts)");
}

}  // namespace

Document parse_docx(const std::string& path, const std::string& doc_id) {
  check_signature(path);
  std::map<std::string, std::string> parts = read_archive_members(path, {kDocumentPart, kStylesPart, kNumberingPart},
                                                                  docx_limits());
  const auto document = parts.find(kDocumentPart);
  if (document == parts.end()) fail(path, std::string("no ") + kDocumentPart + " in the zip: not a Word document");

  pugi::xml_document xml;
  const pugi::xml_parse_result parsed = xml.load_buffer(document->second.data(), document->second.size());
  if (!parsed)
    fail(path, std::string(kDocumentPart) + " is not well-formed XML: " + parsed.description() + " at byte " +
                   std::to_string(parsed.offset));
  const pugi::xml_node body = child(xml.child("w:document"), "body");
  if (!body) fail(path, std::string(kDocumentPart) + " has no <w:document><w:body>");

  DocxNumbering numbering(parts.count(kNumberingPart) ? parts[kNumberingPart] : "");
  const std::vector<TextBlock> blocks = read_blocks(body, read_styles(parts[kStylesPart]), numbering);
  const std::string markdown = utf8::sanitize(blocks_to_markdown(blocks));
  if (utf8::trim(markdown).empty()) fail(path, "no text (an empty document, or only pictures?)");
  try {
    return parse_structured_markdown(markdown, doc_id, path);
  } catch (const ImportError& e) {
    fail(path, e.what());
  }
}

}  // namespace tsubo
