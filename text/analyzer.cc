// normalise (ICU) → cut into bounded chunks (text/mecab_chunks) → MeCab → tokens mapped back to original offsets.
#include "text/analyzer.h"

#include <mecab.h>

#include <cstdlib>
#include <filesystem>

#include "text/normalize.h"
#include "text/mecab_chunks.h"

namespace tsubo {
namespace {

constexpr const char* kAnalyzerVersion = "tsubo-analyzer/1 (nfkc,lower,cjk-space)";

// The first field of a MeCab feature string is the part of speech: 名詞, 助詞, 記号, …
std::string_view major_pos(const char* feature) {
  std::string_view f(feature ? feature : "");
  return f.substr(0, f.find(','));
}

TokenKind token_kind(std::string_view pos, bool unknown) {
  if (unknown || pos == "名詞" || pos == "接頭詞" || pos == "接頭辞" || pos == "接尾辞" || pos == "代名詞")
    return TokenKind::Noun;
  if (pos == "助詞" || pos == "助動詞") return TokenKind::Function;
  return TokenKind::Predicate;
}

}  // namespace

struct Analyzer::MeCabState {
  std::unique_ptr<MeCab::Model> model;
  std::unique_ptr<MeCab::Tagger> tagger;
  std::unique_ptr<MeCab::Lattice> lattice;
  std::string chunk;  // the piece of text being parsed, NUL-terminated
};

std::string Analyzer::default_dictionary_dir() {
  if (const char* env = std::getenv("TSUBO_MECAB_DIC"); env && *env) return env;
  return "/var/lib/mecab/dic/ipadic-utf8";
}

Analyzer::Analyzer(const std::string& dictionary_dir)
    : mecab_(std::make_unique<MeCabState>()),
      dictionary_dir_(dictionary_dir.empty() ? default_dictionary_dir() : dictionary_dir) {
  if (!std::filesystem::exists(std::filesystem::path(dictionary_dir_) / "sys.dic"))
    throw AnalyzerError("[analyzer][mecab] no MeCab dictionary at " + dictionary_dir_ +
                        " (install mecab-ipadic-utf8, or set TSUBO_MECAB_DIC)");
  // -r /dev/null: do not depend on /etc/mecabrc, whose default dictionary Debian may switch.
  const std::string args = "-r /dev/null -d " + dictionary_dir_;
  mecab_->model.reset(MeCab::createModel(args.c_str()));
  if (!mecab_->model)
    throw AnalyzerError("[analyzer][mecab] cannot load dictionary " + dictionary_dir_ + ": " +
                        MeCab::getLastError());
  mecab_->tagger.reset(mecab_->model->createTagger());
  mecab_->lattice.reset(mecab_->model->createLattice());
  if (!mecab_->tagger || !mecab_->lattice) throw AnalyzerError("[analyzer][mecab] cannot create tagger");

  const MeCab::DictionaryInfo* info = mecab_->model->dictionary_info();
  std::string dict = "unknown";
  if (info) {
    dict = std::filesystem::path(info->filename).parent_path().filename().string() + " charset=" +
           info->charset + " version=" + std::to_string(info->version) + " entries=" + std::to_string(info->size);
    if (std::string_view(info->charset) != "UTF-8" && std::string_view(info->charset) != "utf8" &&
        std::string_view(info->charset) != "utf-8")
      throw AnalyzerError("[analyzer][mecab] dictionary " + dictionary_dir_ + " is " + info->charset +
                          ", tsubo needs a UTF-8 dictionary");
  }
  identity_ = std::string(kAnalyzerVersion) + " mecab-" + MeCab::Model::version() + " dic=" + dict;
}

Analyzer::~Analyzer() = default;

std::vector<Token> Analyzer::analyze(std::string_view text) const {
  std::vector<Token> tokens;
  if (text.empty()) return tokens;
  const NormalizedText norm = normalize_for_search(text);
  const std::string_view s = norm.text;
  tokens.reserve(s.size() / 4);  // about one token per 1.5 Japanese characters
  MeCab::Lattice& lattice = *mecab_->lattice;
  uint32_t position = 0;

  for (std::size_t from = 0; from < s.size();) {
    const std::size_t to = chunk_end(s, from);
    // MeCab must see a NUL after the chunk: given a pointer into longer text, its unknown-word
    // grouping can run past the length and write beyond the lattice (valgrind: invalid write in
    // Viterbi, then "corrupted double-linked list" on statutes-2013).
    std::string& chunk = mecab_->chunk;
    chunk.assign(s.data() + from, to - from);
    lattice.set_sentence(chunk.c_str(), chunk.size());
    if (!mecab_->tagger->parse(&lattice))
      throw AnalyzerError(std::string("[analyzer][mecab][chunk] ") + lattice.what());
    for (const MeCab::Node* node = lattice.bos_node(); node; node = node->next) {
      if (node->stat != MECAB_NOR_NODE && node->stat != MECAB_UNK_NODE) continue;
      if (node->length == 0) continue;
      const std::string_view pos = major_pos(node->feature);
      if (pos == "記号" || pos == "補助記号" || pos == "空白") continue;
      Token token;
      const std::size_t b = from + static_cast<std::size_t>(node->surface - chunk.data());
      const std::size_t e = b + node->length;
      token.term.assign(s.data() + b, node->length);
      token.begin = norm.source_begin[b];
      token.end = norm.source_end[e - 1];
      token.position = position++;
      token.kind = token_kind(pos, node->stat == MECAB_UNK_NODE);
      tokens.push_back(std::move(token));
    }
    from = to;
  }
  return tokens;
}

}  // namespace tsubo
