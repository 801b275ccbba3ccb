// Splits a ruling into passages at its headings, then evens out passage sizes (see ruling_passages.h).
#include "corpus/ruling_passages.h"

#include <climits>
#include <string>

#include "text/utf8.h"

namespace tsubo::ruling {
namespace {

using Kind = HeadingLine::Kind;

constexpr std::size_t kDeepSplitChars = 1500;  // split at numbered paragraphs, ア, (ア)… beyond this
constexpr std::size_t kMaxChars = 4000;        // split at paragraphs beyond this
constexpr std::size_t kChunkChars = 3000;      //   into pieces of about this size
constexpr std::size_t kTinyChars = 50;         // join a neighbour below this
constexpr std::size_t kLeadInChars = 150;      // join the sub-section it introduces below this
constexpr int kBody = INT_MAX;                 // level of a block that opens no heading
constexpr std::size_t kAll = static_cast<std::size_t>(-1);

struct PathEntry {
  int level = 0;
  std::string label;    // as shown in heading_path
  std::string section;  // the section it names, empty for a bare enumerator
};
using Path = std::vector<PathEntry>;

// Consecutive text: lines [first_line, …) of block `first` through lines [0, last_line) of block
// `last - 1` (kAll: all of them).
struct Span {
  std::size_t first = 0, last = 0;
  std::size_t first_line = 0, last_line = kAll;
  Path path;
};

Path path_entries(const Block& block) {
  const HeadingLine& h = block.heading;
  switch (h.kind) {
    case Kind::Root:
      return {{kRoot, h.name, h.name}};
    case Kind::Appendix:
      return {{kRoot, h.name, "別紙"}};
    case Kind::Bracket:
      return {{h.level, pdf_text::collapse_spaces(block.text), h.name}};
    case Kind::Enumerated: {
      const bool titled = is_short_title(h.title);
      const bool lost = h.enumerators.size() == 1 && h.enumerators[0].text.empty();
      if (lost && !titled) return {};  // an unnumbered paragraph, as far as we can tell
      Path path;
      for (std::size_t k = 0; k + 1 < h.enumerators.size(); ++k)
        path.push_back({h.enumerators[k].level, h.enumerators[k].text, ""});
      PathEntry last{h.enumerators.back().level, h.enumerators.back().text, ""};
      if (titled) {
        if (!last.label.empty() && h.spaced) last.label += ' ';
        last.label += pdf_text::collapse_spaces(h.title);
        last.section = section_name(h.title);
      }
      path.push_back(std::move(last));
      return path;
    }
    case Kind::Judgment:
    case Kind::None:
      break;
  }
  return {};
}

Path common_prefix(const Path& a, const Path& b) {
  Path out;
  for (std::size_t k = 0; k < a.size() && k < b.size(); ++k) {
    if (a[k].level != b[k].level || a[k].label != b[k].label) break;
    out.push_back(a[k]);
  }
  return out;
}

// The top-level part: the titled heading right below 主文/事実及び理由/理由, else that root itself.
std::string section_of(const Path& path) {
  if (path.empty()) return "本文";
  if (path[0].level == kRoot) {
    const std::string& root = path[0].section;
    if (root != "主文" && root != "別紙" && root != "当事者" && path.size() > 1 && !path[1].section.empty())
      return path[1].section;
    return path[0].section;
  }
  for (const auto& e : path)
    if (!e.section.empty()) return e.section;
  return "本文";
}

class Grouper {
 public:
  Grouper(const std::vector<Block>& blocks, const std::vector<pdf_text::Line>& lines)
      : blocks_(blocks), lines_(lines) {}

  std::vector<Passage> run() {
    std::vector<Span> spans;
    for (Span& unit : heading_units())
      for (Span& s : split(unit)) spans.push_back(std::move(s));
    join_tiny(spans);
    std::vector<Passage> out;
    out.reserve(spans.size());
    for (const Span& s : spans) out.push_back(to_passage(s));
    return out;
  }

 private:
  const std::vector<Block>& blocks_;
  const std::vector<pdf_text::Line>& lines_;
  std::vector<Path> stack_after_;  // the heading stack after each block
  std::vector<int> level_;         // the outermost level each block opens, kBody if none
  std::vector<bool> hard_;         // the block is a heading that always starts a passage

  std::size_t line_chars(std::size_t block, std::size_t k) const {
    return utf8::length(lines_[blocks_[block].lines[k]].text);
  }

  std::size_t line_end(const Span& s, std::size_t block) const {
    return block + 1 == s.last && s.last_line != kAll ? s.last_line : blocks_[block].lines.size();
  }

  std::size_t chars(const Span& s) const {
    std::size_t n = s.last - s.first - 1;  // the newlines between blocks
    for (std::size_t b = s.first; b < s.last; ++b) {
      const std::size_t from = b == s.first ? s.first_line : 0, to = line_end(s, b);
      if (from == 0 && to == blocks_[b].lines.size()) {
        n += utf8::length(blocks_[b].text);
      } else {
        for (std::size_t k = from; k < to; ++k) n += line_chars(b, k);
      }
    }
    return n;
  }

  // Passages cut at every heading down to ⑴, a heading without text of its own carried into the next.
  std::vector<Span> heading_units() {
    bool has_root = false;
    for (const auto& b : blocks_) has_root = has_root || b.heading.kind == Kind::Root;
    Path stack;
    bool preamble = has_root;  // before 主文 nothing is a heading: parties, lawyers, addresses
    if (preamble) stack.push_back({kRoot, "当事者", "当事者"});

    std::vector<Span> units;
    bool open = false, has_text = false;
    int unit_level = kBody;  // the innermost heading the open unit has opened
    stack_after_.assign(blocks_.size(), {});
    level_.assign(blocks_.size(), kBody);
    hard_.assign(blocks_.size(), false);
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      Path entries = path_entries(blocks_[b]);
      if (preamble && blocks_[b].heading.kind == Kind::Root) preamble = false;
      if (preamble) entries.clear();
      if (!entries.empty() && blocks_[b].heading.kind == Kind::Bracket && entries.front().level == kClaim) {
        // 〔被告の主張〕 is the sibling of the 〔原告の主張〕 before it, else one below the last heading.
        int level = stack.empty() ? kRoot + 1 : (stack.back().level | 1);
        for (const auto& e : stack)
          if (e.level % 2 == 1) level = e.level;
        entries.front().level = level;
      }
      // "別  紙" on a line, then "当 事 者 目 録": one heading, 別紙 当事者目録.
      const bool joins_appendix = blocks_[b].heading.kind == Kind::Appendix && open && !has_text &&
                                  stack.size() == 1 && blocks_[units.back().first].heading.kind == Kind::Appendix;
      if (joins_appendix) entries.front().label = stack.front().label + " " + entries.front().label;
      if (!entries.empty()) {
        level_[b] = entries.front().level;
        while (!stack.empty() && stack.back().level >= level_[b]) stack.pop_back();
        stack.insert(stack.end(), entries.begin(), entries.end());
      }
      stack_after_[b] = stack;

      // Numbered paragraphs ("１  本件控訴を棄却する。", "(2)  所論は，…") are text: like ア, (ア),
      // they only cut passages that grow too long (see split).
      const bool numbered_paragraph = blocks_[b].heading.kind == Kind::Enumerated && !entries.empty() &&
                                      entries.back().section.empty() && !blocks_[b].heading.title.empty();
      // In 主文 every item is an order, whatever its shape.
      const bool in_main = !stack.empty() && stack.front().label == "主文" && level_[b] != kRoot;
      const bool splits = level_[b] <= kParenNumber && !numbered_paragraph && !in_main;
      hard_[b] = splits;
      const bool is_text = !splits;
      // A heading closes the open passage unless that passage is only headings so far and this is
      // one of their sub-headings (第３ 当裁判所の判断 directly followed by １ 争点１について).
      if (splits && open && !joins_appendix && (has_text || level_[b] <= unit_level)) {
        units.back().last = b;
        open = false;
      }
      if (!open) {
        units.push_back({b, b + 1, 0, kAll, stack});
        open = true;
        has_text = false;
        unit_level = entries.empty() ? kBody : entries.back().level;
      } else if (splits) {
        units.back().path = stack;
        unit_level = entries.back().level;
      }
      has_text = has_text || is_text;
      units.back().last = b + 1;
    }
    return units;
  }

  // A passage over kDeepSplitChars is cut at its outermost soft headings (numbered paragraphs,
  // then ア before (ア)), the pieces cut again while too long, then neighbours packed back up to
  // kDeepSplitChars.
  std::vector<Span> split(const Span& s) {
    const std::size_t n = chars(s);
    if (n <= kDeepSplitChars) return {s};
    int level = kBody;
    for (std::size_t b = s.first + 1; b < s.last; ++b)
      if (!hard_[b] && level_[b] < level) level = level_[b];
    if (level == kBody) return n > kMaxChars ? chunk(s) : std::vector<Span>{s};

    std::vector<Span> pieces;
    Span piece = s;
    for (std::size_t b = s.first + 1; b < s.last; ++b) {
      if (level_[b] != level || hard_[b]) continue;
      piece.last = b;
      piece.last_line = kAll;
      for (Span& p : split(piece)) pieces.push_back(std::move(p));
      piece = Span{b, s.last, 0, s.last_line, stack_after_[b]};
    }
    for (Span& p : split(piece)) pieces.push_back(std::move(p));
    return pack(pieces);
  }

  std::vector<Span> pack(const std::vector<Span>& pieces) const {
    std::vector<Span> out;
    for (const Span& p : pieces) {
      if (!out.empty() && chars(out.back()) + 1 + chars(p) <= kDeepSplitChars) {
        out.back() = merge(out.back(), p);
      } else {
        out.push_back(p);
      }
    }
    return out;
  }

  static Span merge(const Span& a, const Span& b) {
    return Span{a.first, b.last, a.first_line, b.last_line, common_prefix(a.path, b.path)};
  }

  // Cuts at paragraph ends into pieces of about kChunkChars; a single paragraph over kMaxChars
  // (a flattened table) is cut after lines that end a sentence, or else after any line.
  std::vector<Span> chunk(const Span& s) const {
    std::vector<Span> atoms;
    for (std::size_t b = s.first; b < s.last; ++b) {
      const std::size_t from = b == s.first ? s.first_line : 0, to = line_end(s, b);
      Span whole{b, b + 1, from, to, s.path};
      if (chars(whole) <= kMaxChars) {
        atoms.push_back(whole);
        continue;
      }
      std::size_t start = from;
      for (std::size_t k = from; k < to; ++k) {
        if (k + 1 < to && !pdf_text::ends_sentence(lines_[blocks_[b].lines[k]].text)) continue;
        const Span sentences{b, b + 1, start, k + 1, s.path};
        if (chars(sentences) <= kMaxChars) {
          atoms.push_back(sentences);
        } else {
          for (std::size_t j = start; j <= k; ++j) atoms.push_back(Span{b, b + 1, j, j + 1, s.path});
        }
        start = k + 1;
      }
    }
    const std::size_t total = chars(s);
    const std::size_t pieces = (total + kChunkChars - 1) / kChunkChars;
    const std::size_t target = total / (pieces ? pieces : 1);
    std::vector<Span> out;
    std::size_t acc = 0;
    for (const Span& a : atoms) {
      const std::size_t n = chars(a);
      if (!out.empty() && acc < target && acc + n <= kMaxChars) {
        out.back() = merge(out.back(), a);
        acc += 1 + n;
      } else {
        out.push_back(a);
        acc = n;
      }
    }
    return out;
  }

  // Headings without text of their own (a list of the issues: "⑴  工具等の持ち出し行為の有無" /
  // "⑵  違法な引き抜き行為の有無") and scraps under kTinyChars ("【証拠】 省略") are not passages.
  bool is_tiny(const Span& s) const {
    const std::size_t n = chars(s);
    if (n < kTinyChars) return true;
    if (n >= kDeepSplitChars) return false;
    for (std::size_t b = s.first; b < s.last; ++b)
      if (!hard_[b]) return false;
    return true;
  }

  // Tiny passages join the neighbour under the same top-level heading that shares more of their
  // heading path; the next one on a tie.
  void join_tiny(std::vector<Span>& spans) const {
    auto same_part = [](const Span& a, const Span& b) {
      const std::string root_a = a.path.empty() ? "" : a.path[0].label;
      const std::string root_b = b.path.empty() ? "" : b.path[0].label;
      return root_a == root_b && section_of(a.path) == section_of(b.path);
    };
    // "１  事実経過 / 次の事実が認められる。" followed by "(1)  …": a lead-in goes with what it leads.
    auto leads_into = [&](std::size_t i) {
      if (i + 1 >= spans.size() || chars(spans[i]) >= kLeadInChars) return false;
      const Path& a = spans[i].path;
      const Path& b = spans[i + 1].path;
      return b.size() > a.size() && common_prefix(a, b).size() == a.size();
    };
    std::size_t i = 0;
    while (i < spans.size()) {
      if (leads_into(i)) {
        spans[i + 1] = merge(spans[i], spans[i + 1]);
        spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i));
        continue;
      }
      if (!is_tiny(spans[i])) {
        ++i;
        continue;
      }
      const bool next = i + 1 < spans.size() && same_part(spans[i], spans[i + 1]);
      const bool prev = i > 0 && same_part(spans[i - 1], spans[i]);
      const std::size_t shared_next = next ? common_prefix(spans[i].path, spans[i + 1].path).size() : 0;
      const std::size_t shared_prev = prev ? common_prefix(spans[i - 1].path, spans[i].path).size() : 0;
      if (next && (!prev || shared_next >= shared_prev)) {
        spans[i + 1] = merge(spans[i], spans[i + 1]);
        spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i));
      } else if (prev) {
        spans[i - 1] = merge(spans[i - 1], spans[i]);
        spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i));
        --i;  // look at the grown one again
      } else {
        ++i;
      }
    }
  }

  Passage to_passage(const Span& s) const {
    Passage p;
    for (std::size_t b = s.first; b < s.last; ++b) {
      if (b != s.first) p.text += '\n';
      const std::size_t from = b == s.first ? s.first_line : 0, to = line_end(s, b);
      if (from == 0 && to == blocks_[b].lines.size()) {
        p.text += blocks_[b].text;
      } else {
        for (std::size_t k = from; k < to; ++k) p.text += lines_[blocks_[b].lines[k]].text;
      }
    }
    p.source_begin = lines_[blocks_[s.first].lines[s.first_line]].begin;
    p.source_end = lines_[blocks_[s.last - 1].lines[line_end(s, s.last - 1) - 1]].end;
    for (const auto& e : s.path)
      if (!e.label.empty()) p.heading_path.push_back(e.label);
    p.section = section_of(s.path);
    return p;
  }
};

}  // namespace

std::vector<Passage> group_passages(const std::vector<Block>& blocks, const std::vector<pdf_text::Line>& lines) {
  if (blocks.empty()) return {};
  return Grouper(blocks, lines).run();
}

}  // namespace tsubo::ruling
