#include "core/expression.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <unordered_set>

#include "core/reserved_words.hpp"
#include "core/text.hpp"

namespace core {

namespace {

// DynamoDB refuses expression strings longer than this.
constexpr std::size_t kMaxExpressionBytes = 4096;
// Deeper nesting than this is refused instead of recursing without bound.
constexpr int kMaxNesting = 100;

enum class TokenKind {
  Identifier,
  NamePlaceholder,   // #name
  ValuePlaceholder,  // :value
  Integer,
  LeftParen,
  RightParen,
  LeftBracket,
  RightBracket,
  Dot,
  Comma,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  Plus,
  Minus,
  Invalid,
  End,
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string_view text;
  TextSpan span() const { return {offset, length}; }
};

bool is_name_start(char c) { return is_letter(c) || c == '_'; }

// Bytes of the UTF-8 character starting at `offset` (one for a byte that starts none).
std::size_t utf8_length(std::string_view text, std::size_t offset) {
  std::size_t end = offset;
  (void)decode_utf8(text, end);
  return end - offset;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  const auto add = [&](TokenKind kind, std::size_t length) {
    tokens.push_back({kind, i, length, text.substr(i, length)});
    i += length;
  };
  const auto run_of_name_chars = [&](std::size_t from) {
    std::size_t end = from;
    while (end < text.size() && is_word_char(text[end])) ++end;
    return end - from;
  };
  while (i < text.size()) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (is_space(c)) {
      ++i;
    } else if (is_name_start(c)) {
      add(TokenKind::Identifier, run_of_name_chars(i));
    } else if (is_digit(c)) {
      add(TokenKind::Integer, run_of_name_chars(i));
    } else if (c == '#' || c == ':') {
      const std::size_t length = 1 + run_of_name_chars(i + 1);
      add(length == 1 ? TokenKind::Invalid
          : c == '#'  ? TokenKind::NamePlaceholder
                      : TokenKind::ValuePlaceholder,
          length);
    } else if (c == '<' && next == '>') {
      add(TokenKind::NotEqual, 2);
    } else if (c == '<' && next == '=') {
      add(TokenKind::LessEqual, 2);
    } else if (c == '>' && next == '=') {
      add(TokenKind::GreaterEqual, 2);
    } else {
      constexpr std::string_view kSingles = "()[].,=<>+-";
      constexpr std::array kSingleKinds = {TokenKind::LeftParen,    TokenKind::RightParen, TokenKind::LeftBracket,
                                           TokenKind::RightBracket, TokenKind::Dot,        TokenKind::Comma,
                                           TokenKind::Equal,        TokenKind::Less,       TokenKind::Greater,
                                           TokenKind::Plus,         TokenKind::Minus};
      const auto at = kSingles.find(c);
      add(at == std::string_view::npos ? TokenKind::Invalid : kSingleKinds[at],
          at == std::string_view::npos ? utf8_length(text, i) : 1);
    }
  }
  tokens.push_back({TokenKind::End, text.size(), 0, {}});
  return tokens;
}

bool is_comparator(TokenKind kind) {
  return kind == TokenKind::Equal || kind == TokenKind::NotEqual || kind == TokenKind::Less ||
         kind == TokenKind::LessEqual || kind == TokenKind::Greater || kind == TokenKind::GreaterEqual;
}

constexpr std::array<std::string_view, 5> kConditionFunctions = {"attribute_exists", "attribute_not_exists",
                                                                 "attribute_type", "begins_with", "contains"};
constexpr std::array<std::string_view, 2> kUpdateFunctions = {"if_not_exists", "list_append"};

// Operands each function takes.
std::size_t arity(std::string_view function) {
  return function == "size" || function == "attribute_exists" || function == "attribute_not_exists" ? 1 : 2;
}

bool is_one_of(std::string_view name, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<UpdateClause> clause_named(std::string_view word) {
  for (const UpdateClause clause : kUpdateClauses) {
    if (equals_ignoring_case(word, update_clause_name(clause))) return clause;
  }
  return std::nullopt;
}

// What an operand turned out to be; conditions and functions care.
enum class OperandKind { Path, Value, Size, ConditionFunction, UpdateFunction };

// Recursive descent over the tokens. The first syntax error stops parsing:
// `failed_` is set and every rule returns at once.
class Parser {
 public:
  Parser(std::string_view text, ExpressionKind kind, std::string_view field)
      : kind_(kind), field_(field), tokens_(tokenize(text)) {}

  ParsedExpression run() {
    if (peek().kind == TokenKind::End) {
      error(peek(), "The expression is empty; write one or leave the field out.");
    } else {
      switch (kind_) {
        case ExpressionKind::Update: parse_update(); break;
        case ExpressionKind::Condition: parse_condition(); break;
        case ExpressionKind::KeyCondition: parse_key_condition(); break;
        case ExpressionKind::Projection: parse_projection(); break;
      }
      if (!failed_ && peek().kind != TokenKind::End) unexpected("the end of the expression");
    }
    out_.syntax_ok = !failed_;
    return std::move(out_);
  }

 private:
  // --- tokens and errors ---
  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& take() {
    const Token& t = peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return t;
  }
  bool take_if(TokenKind kind) {
    if (failed_ || peek().kind != kind) return false;
    take();
    return true;
  }
  bool at_word(std::string_view word) const {
    return peek().kind == TokenKind::Identifier && equals_ignoring_case(peek().text, word);
  }

  void report(TextSpan span, Severity severity, std::string message) {
    out_.diagnostics.push_back(
        {.field = std::string(field_), .position = span, .severity = severity, .message = std::move(message)});
  }
  void error(const Token& at, std::string message) {
    if (failed_) return;
    failed_ = true;
    report(at.span(), Severity::Error, std::move(message));
  }
  // A problem that does not stop parsing (the grammar was read fine).
  void problem(TextSpan span, std::string message) { report(span, Severity::Error, std::move(message)); }

  void unexpected(std::string_view wanted) {
    const Token& t = peek();
    if (t.kind == TokenKind::End) {
      error(t, "The expression ends too early; expected " + std::string(wanted) + ".");
    } else if (t.kind == TokenKind::Invalid) {
      error(t, quoted(t.text) + " can't appear in an expression; names with other characters need a #placeholder.");
    } else {
      error(t, "Unexpected " + quoted(t.text) + "; expected " + std::string(wanted) + ".");
    }
  }
  bool expect(TokenKind kind, std::string_view wanted) {
    if (failed_) return false;
    if (peek().kind != kind) {
      unexpected(wanted);
      return false;
    }
    take();
    return true;
  }

  // Keywords of this grammar can never be attribute names, even aliased ones
  // must be written as #placeholders.
  bool is_keyword(std::string_view word) const {
    if (kind_ == ExpressionKind::Update) return clause_named(word).has_value();
    if (kind_ == ExpressionKind::Projection) return false;
    for (std::string_view k : {"AND", "OR", "NOT", "BETWEEN", "IN"}) {
      if (equals_ignoring_case(word, k)) return true;
    }
    return false;
  }

  // RAII guard against unbounded recursion on inputs like "((((((...".
  struct Nesting {
    explicit Nesting(Parser& p) : parser(p) { ++parser.depth_; }
    ~Nesting() { --parser.depth_; }
    bool too_deep() {
      if (parser.depth_ <= kMaxNesting) return false;
      parser.error(parser.peek(), "The expression is nested too deeply.");
      return true;
    }
    Parser& parser;
  };

  // --- document paths and operands ---
  std::optional<DocumentPath> parse_path() {
    if (failed_) return std::nullopt;
    const Token& first = peek();
    DocumentPath path;
    if (!take_path_name(path, "an attribute name or #placeholder")) return std::nullopt;
    while (!failed_) {
      if (peek().kind == TokenKind::Dot) {
        take();
        take_path_name(path, "an attribute name or #placeholder after “.”");
      } else if (peek().kind == TokenKind::LeftBracket) {
        take();
        const Token& index = peek();
        if (index.kind != TokenKind::Integer || index.text.find_first_not_of("0123456789") != std::string_view::npos) {
          unexpected("a list index (digits) inside [ ]");
          return std::nullopt;
        }
        take();
        path.elements.push_back({PathElementKind::Index, std::string(index.text), index.span()});
        expect(TokenKind::RightBracket, "“]”");
      } else {
        break;
      }
    }
    if (failed_) return std::nullopt;
    const Token& last = tokens_[pos_ - 1];
    path.span = {first.offset, last.offset + last.length - first.offset};
    out_.paths.push_back(path);
    return path;
  }

  bool take_path_name(DocumentPath& path, std::string_view wanted) {
    const Token& t = peek();
    if (t.kind == TokenKind::NamePlaceholder) {
      path.elements.push_back({PathElementKind::NamePlaceholder, std::string(t.text), t.span()});
    } else if (t.kind == TokenKind::Identifier && !is_keyword(t.text)) {
      path.elements.push_back({PathElementKind::Name, std::string(t.text), t.span()});
    } else if (t.kind == TokenKind::Identifier) {
      error(t, quoted(t.text) +
                   " is a keyword of this expression; to use it as an attribute name, write a "
                   "#placeholder for it in ExpressionAttributeNames.");
      return false;
    } else {
      unexpected(wanted);
      return false;
    }
    take();
    return true;
  }

  void take_value() {
    const Token& t = take();
    out_.values.push_back({std::string(t.text), t.span()});
  }

  // path | :value | function(args) | ( operand )
  std::optional<OperandKind> parse_operand() {
    Nesting nesting(*this);
    if (failed_ || nesting.too_deep()) return std::nullopt;
    const Token& t = peek();
    if (t.kind == TokenKind::ValuePlaceholder) {
      take_value();
      return OperandKind::Value;
    }
    if (t.kind == TokenKind::Identifier && peek(1).kind == TokenKind::LeftParen) return parse_function();
    if (t.kind == TokenKind::LeftParen) {
      take();
      const auto inner = parse_operand();
      if (inner && (*inner == OperandKind::Path || *inner == OperandKind::Value))
        report(t.span(), Severity::Warning, "DynamoDB refuses redundant parentheses around a single operand.");
      expect(TokenKind::RightParen, "“)”");
      return inner;
    }
    if (t.kind == TokenKind::Identifier || t.kind == TokenKind::NamePlaceholder) {
      if (!parse_path()) return std::nullopt;
      return OperandKind::Path;
    }
    unexpected("an attribute name, #placeholder or :value");
    return std::nullopt;
  }

  // name ( operand, ... ) with the function's own argument rules.
  std::optional<OperandKind> parse_function() {
    const Token& name = take();
    take();  // (
    std::vector<std::pair<OperandKind, Token>> args;
    if (peek().kind != TokenKind::RightParen) {
      do {
        const Token& start = peek();
        const auto arg = parse_operand();
        if (!arg) return std::nullopt;
        args.emplace_back(*arg, start);
      } while (take_if(TokenKind::Comma));
    }
    if (!expect(TokenKind::RightParen, "“,” or “)”")) return std::nullopt;
    return check_function(name, args);
  }

  std::optional<OperandKind> check_function(const Token& name, const std::vector<std::pair<OperandKind, Token>>& args) {
    const bool in_update = kind_ == ExpressionKind::Update;
    const bool is_update_function = is_one_of(name.text, kUpdateFunctions);
    const bool is_condition_function = is_one_of(name.text, kConditionFunctions) || name.text == "size";
    if (!is_update_function && !is_condition_function) {
      error(name, quoted(name.text) +
                      " is not a DynamoDB function; update expressions use if_not_exists and "
                      "list_append, conditions use attribute_exists, attribute_not_exists, "
                      "attribute_type, begins_with, contains and size.");
      return std::nullopt;
    }
    if (in_update != is_update_function) {
      error(name, quoted(name.text) + (in_update ? " can't be used in an update expression; use if_not_exists or "
                                                   "list_append, or put the test in ConditionExpression."
                                                 : " only works in update expressions."));
      return std::nullopt;
    }
    const std::size_t wanted = arity(name.text);
    if (args.size() != wanted) {
      error(name, quoted(name.text) + " takes " + std::to_string(wanted) + (wanted == 1 ? " operand" : " operands") +
                      ", not " + std::to_string(args.size()) + ".");
      return std::nullopt;
    }
    // Update functions nest (list_append(if_not_exists(l, :empty), :v)); in
    // conditions only size() gives an operand.
    const OperandKind nestable = in_update ? OperandKind::UpdateFunction : OperandKind::Size;
    for (const auto& [kind, start] : args) {
      const bool is_function = kind != OperandKind::Path && kind != OperandKind::Value;
      if (is_function && kind != nestable) {
        error(start, "This function's result can't be an operand of " + quoted(name.text) + ".");
        return std::nullopt;
      }
    }
    const bool needs_path_first = name.text != "list_append";
    if (needs_path_first && args[0].first != OperandKind::Path) {
      error(args[0].second, quoted(name.text) + " needs a document path as its first operand.");
      return std::nullopt;
    }
    if (name.text == "attribute_type" && args[1].first != OperandKind::Value) {
      error(args[1].second, "attribute_type needs a :value holding a type such as S, N or M as its second operand.");
      return std::nullopt;
    }
    if (name.text == "size") return OperandKind::Size;
    return is_update_function ? OperandKind::UpdateFunction : OperandKind::ConditionFunction;
  }

  // --- conditions ---
  struct State {
    std::size_t pos;
    bool failed;
    ParsedExpression out;
  };
  State save() const { return {pos_, failed_, out_}; }
  void restore(State s) {
    pos_ = s.pos;
    failed_ = s.failed;
    out_ = std::move(s.out);
  }
  std::size_t error_offset() const { return out_.diagnostics.back().position->offset; }

  // Returns true when the condition is one parenthesised condition (for the
  // redundant parentheses check).
  bool parse_condition() {
    Nesting nesting(*this);
    if (nesting.too_deep()) return false;
    bool parenthesised = parse_and();
    while (!failed_ && at_word("OR")) {
      take();
      parse_and();
      parenthesised = false;
    }
    return parenthesised;
  }

  bool parse_and() {
    bool parenthesised = parse_not();
    while (!failed_ && at_word("AND")) {
      take();
      parse_not();
      parenthesised = false;
    }
    return parenthesised;
  }

  bool parse_not() {
    Nesting nesting(*this);
    if (failed_ || nesting.too_deep()) return false;
    if (at_word("NOT")) {
      take();
      parse_not();
      return false;
    }
    return parse_primary();
  }

  // ( condition ) | comparison | boolean function
  bool parse_primary() {
    if (peek().kind != TokenKind::LeftParen) {
      parse_comparison();
      return false;
    }
    // Either a parenthesised condition or a comparison whose first operand is
    // in parentheses, like `(size(a)) > :n`: try the first, then the second.
    State before = save();
    const Token& open = take();
    const bool inner_parenthesised = parse_condition();
    if (expect(TokenKind::RightParen, "“)”") && !starts_comparison()) {
      if (inner_parenthesised)
        report(open.span(), Severity::Warning, "DynamoDB refuses redundant parentheses around a condition.");
      return true;
    }
    State as_condition = save();
    restore(std::move(before));
    parse_comparison();
    // When both readings fail, report the one that got further: it is the
    // likelier intent.
    if (failed_ && as_condition.failed && as_condition.out.diagnostics.back().position->offset > error_offset()) {
      restore(std::move(as_condition));
    }
    return false;
  }

  bool starts_comparison() const { return is_comparator(peek().kind) || at_word("BETWEEN") || at_word("IN"); }

  void parse_comparison() {
    const Token& start = peek();
    const auto left = parse_operand();
    if (!left) return;
    if (!starts_comparison()) {
      if (*left == OperandKind::ConditionFunction) return;
      if (*left == OperandKind::Size) {
        error(start, "size() gives a number; compare it, e.g. size(tags) > :n.");
      } else {
        unexpected("a comparison (=, <>, <, <=, >, >=, BETWEEN or IN)");
      }
      return;
    }
    if (*left == OperandKind::ConditionFunction) {
      error(start, "A condition function can't be compared; use it on its own, e.g. attribute_exists(a).");
      return;
    }
    if (at_word("BETWEEN")) {
      take();
      comparison_operand();
      if (!failed_ && !at_word("AND")) unexpected("AND between the BETWEEN bounds");
      if (!failed_) take();
      comparison_operand();
    } else if (at_word("IN")) {
      take();
      if (!expect(TokenKind::LeftParen, "“(” after IN")) return;
      do comparison_operand();
      while (take_if(TokenKind::Comma));
      expect(TokenKind::RightParen, "“,” or “)”");
    } else {
      take();
      comparison_operand();
    }
  }

  void comparison_operand() {
    const Token& start = peek();
    const auto kind = parse_operand();
    if (kind == OperandKind::ConditionFunction)
      error(start, "A condition function can't be an operand of a comparison.");
  }

  // --- key conditions: partition = :v [AND sort-key condition] ---
  void parse_key_condition() {
    std::vector<std::pair<DocumentPath, bool>> parts;  // (attribute, is equality)
    parse_key_part(parts);
    if (!failed_ && at_word("AND")) {
      take();
      parse_key_part(parts);
    }
    if (failed_) return;
    if (at_word("AND")) {
      error(peek(), "A key condition has at most two parts: the partition key and the sort key.");
    } else if (at_word("OR") || at_word("NOT")) {
      error(peek(), "Key conditions can't use OR or NOT; filter the rest with FilterExpression.");
    } else if (std::none_of(parts.begin(), parts.end(), [](const auto& p) { return p.second; })) {
      problem(parts.front().first.span, "A key condition must test the partition key with “=”.");
    } else if (parts.size() == 2 && same_path(parts[0].first, parts[1].first)) {
      problem(parts[1].first.span, "Both parts of the key condition test the same attribute.");
    }
  }

  void parse_key_part(std::vector<std::pair<DocumentPath, bool>>& parts) {
    Nesting nesting(*this);
    if (failed_ || nesting.too_deep()) return;
    if (at_word("NOT")) {
      error(peek(), "Key conditions can't use OR or NOT; filter the rest with FilterExpression.");
      return;
    }
    if (peek().kind == TokenKind::LeftParen) {
      take();
      parse_key_part(parts);
      expect(TokenKind::RightParen, "“)”");
      return;
    }
    if (peek().kind == TokenKind::Identifier && peek().text == "begins_with" && peek(1).kind == TokenKind::LeftParen) {
      take();
      take();
      const auto path = parse_path();
      if (!path || !expect(TokenKind::Comma, "“,”")) return;
      key_value_operand();
      expect(TokenKind::RightParen, "“)”");
      if (!failed_) parts.emplace_back(*path, false);
      return;
    }
    const auto path = parse_path();
    if (!path) return;
    const Token& op = peek();
    if (at_word("BETWEEN")) {
      take();
      key_value_operand();
      if (!failed_ && !at_word("AND")) unexpected("AND between the BETWEEN bounds");
      if (!failed_) take();
      key_value_operand();
    } else if (op.kind == TokenKind::NotEqual || at_word("IN")) {
      error(op, "Key conditions compare with =, <, <=, >, >=, BETWEEN or begins_with only.");
      return;
    } else if (is_comparator(op.kind)) {
      take();
      key_value_operand();
    } else {
      unexpected("=, <, <=, >, >=, BETWEEN");
      return;
    }
    if (!failed_) parts.emplace_back(*path, op.kind == TokenKind::Equal);
  }

  void key_value_operand() {
    if (failed_) return;
    if (peek().kind != TokenKind::ValuePlaceholder) {
      unexpected("a :value (key conditions compare the key with values)");
      return;
    }
    take_value();
  }

  static bool same_path(const DocumentPath& a, const DocumentPath& b) {
    return std::equal(a.elements.begin(), a.elements.end(), b.elements.begin(), b.elements.end(),
                      [](const PathElement& x, const PathElement& y) { return x.text == y.text; });
  }

  // --- projections: path, path, ... ---
  void parse_projection() {
    do parse_path();
    while (take_if(TokenKind::Comma));
  }

  // --- updates: SET ... REMOVE ... ADD ... DELETE ..., each clause once ---
  void parse_update() {
    std::vector<UpdateClause> seen;
    do {
      const Token& keyword = peek();
      const auto clause = keyword.kind == TokenKind::Identifier ? clause_named(keyword.text) : std::nullopt;
      if (!clause) {
        unexpected(seen.empty() ? "SET, REMOVE, ADD or DELETE" : "“,”, SET, REMOVE, ADD or DELETE");
        return;
      }
      if (std::find(seen.begin(), seen.end(), *clause) != seen.end()) {
        error(keyword, std::string(update_clause_name(*clause)) + " appears twice; put all its actions in one " +
                           std::string(update_clause_name(*clause)) + " clause, separated by commas.");
        return;
      }
      seen.push_back(*clause);
      take();
      do parse_action(*clause);
      while (take_if(TokenKind::Comma));
    } while (!failed_ && peek().kind != TokenKind::End);
  }

  void parse_action(UpdateClause clause) {
    auto target = parse_path();
    if (!target) return;
    out_.actions.push_back({clause, *target});
    switch (clause) {
      case UpdateClause::Set:
        if (expect(TokenKind::Equal, "“=” after the attribute to SET")) parse_set_value();
        return;
      case UpdateClause::Remove: return;
      case UpdateClause::Add:
      case UpdateClause::Delete:
        if (peek().kind != TokenKind::ValuePlaceholder) {
          unexpected(std::string("a :value to ") + (clause == UpdateClause::Add ? "ADD" : "DELETE"));
          return;
        }
        take_value();
        return;
    }
  }

  // operand [+|- operand], or the same in parentheses.
  void parse_set_value() {
    const auto first = parse_operand();
    if (!first) return;
    if (peek().kind == TokenKind::Plus || peek().kind == TokenKind::Minus) {
      take();
      parse_operand();
    }
  }

  ExpressionKind kind_;
  std::string_view field_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  bool failed_ = false;
  ParsedExpression out_;
};

// --- request-level checks ---

const std::string* lookup(const NameMap& names, std::string_view placeholder) {
  for (const auto& [key, value] : names) {
    if (key == placeholder) return &value;
  }
  return nullptr;
}

void add_once(std::vector<std::string>& list, std::string_view item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.emplace_back(item);
}

// A path's elements as attribute names (placeholders resolved) and indexes.
std::vector<std::string> resolved(const DocumentPath& path, const NameMap& names) {
  std::vector<std::string> out;
  for (const auto& e : path.elements) {
    if (e.kind == PathElementKind::NamePlaceholder) {
      const std::string* name = lookup(names, e.text);
      out.push_back(name ? *name : e.text);
    } else if (e.kind == PathElementKind::Index) {
      const auto digits = e.text.find_first_not_of('0');
      out.push_back("[" + (digits == std::string::npos ? std::string("0") : e.text.substr(digits)) + "]");
    } else {
      out.push_back(e.text);
    }
  }
  return out;
}

std::string path_text(const std::vector<std::string>& elements) {
  std::string out;
  for (const auto& e : elements) {
    if (!out.empty() && e.front() != '[') out += '.';
    out += e;
  }
  return out;
}

void check_update_actions(const ExpressionInput& input, const ParsedExpression& parsed,
                          const ExpressionContext& context, Diagnostics& out) {
  std::vector<std::vector<std::string>> targets;
  for (const auto& action : parsed.actions) {
    auto target = resolved(action.target, context.names);
    const auto is_key = std::find(context.key_attributes.begin(), context.key_attributes.end(), target.front()) !=
                        context.key_attributes.end();
    if (is_key) {
      out.push_back({.field = input.field,
                     .position = action.target.span,
                     .severity = Severity::Error,
                     .message = quoted(target.front()) +
                                " is part of the item's key and can't be updated; change the Key to work on another "
                                "item."});
    }
    for (const auto& earlier : targets) {
      const auto shorter = std::min(earlier.size(), target.size());
      if (std::equal(earlier.begin(), earlier.begin() + static_cast<std::ptrdiff_t>(shorter), target.begin())) {
        out.push_back({.field = input.field,
                       .position = action.target.span,
                       .severity = Severity::Error,
                       .message = quoted(path_text(target)) + " overlaps " + quoted(path_text(earlier)) +
                                  ", already updated by this expression; DynamoDB refuses two actions on "
                                  "overlapping paths."});
        break;
      }
    }
    targets.push_back(std::move(target));
  }
}

void check_placeholders_used(const ExpressionInput& input, const ParsedExpression& parsed,
                             const ExpressionContext& context, ExpressionReport& report,
                             std::unordered_set<std::string>& used_names,
                             std::unordered_set<std::string>& used_values) {
  for (const auto& path : parsed.paths) {
    for (const auto& e : path.elements) {
      if (e.kind == PathElementKind::Name && is_reserved_word(e.text)) {
        add_once(report.reserved_names, e.text);
        report.diagnostics.push_back(
            {.field = input.field,
             .position = e.span,
             .severity = Severity::Error,
             .message = quoted(e.text) + " is a DynamoDB reserved word; write a placeholder such as " +
                        placeholder_for(e.text, context.names) + " and define it in ExpressionAttributeNames."});
      }
      if (e.kind != PathElementKind::NamePlaceholder) continue;
      used_names.insert(e.text);
      if (!lookup(context.names, e.text)) {
        add_once(report.undefined_names, e.text);
        report.diagnostics.push_back({.field = input.field,
                                      .position = e.span,
                                      .severity = Severity::Error,
                                      .message = e.text + " is used but not defined in ExpressionAttributeNames."});
      }
    }
  }
  for (const auto& value : parsed.values) {
    used_values.insert(value.placeholder);
    if (std::find(context.values.begin(), context.values.end(), value.placeholder) == context.values.end()) {
      add_once(report.undefined_values, value.placeholder);
      report.diagnostics.push_back(
          {.field = input.field,
           .position = value.span,
           .severity = Severity::Error,
           .message = value.placeholder + " is used but not defined in ExpressionAttributeValues."});
    }
  }
}

}  // namespace

std::string_view update_clause_name(UpdateClause clause) {
  switch (clause) {
    case UpdateClause::Set: return "SET";
    case UpdateClause::Remove: return "REMOVE";
    case UpdateClause::Add: return "ADD";
    case UpdateClause::Delete: return "DELETE";
  }
  return "SET";
}

ParsedExpression parse_expression(std::string_view text, ExpressionKind kind, std::string_view field) {
  return Parser(text, kind, field).run();
}

ExpressionReport check_expressions(const ExpressionContext& context) {
  ExpressionReport report;
  std::unordered_set<std::string> used_names;
  std::unordered_set<std::string> used_values;
  bool all_parsed = true;
  for (const auto& input : context.expressions) {
    if (input.text.size() > kMaxExpressionBytes) {
      // The span marks what goes beyond the limit.
      report.diagnostics.push_back({.field = input.field,
                                    .position = TextSpan{kMaxExpressionBytes, input.text.size() - kMaxExpressionBytes},
                                    .severity = Severity::Error,
                                    .message = "The expression is " + std::to_string(input.text.size()) +
                                               " bytes long; DynamoDB takes at most 4096."});
    }
    const auto parsed = parse_expression(input.text, input.kind, input.field);
    report.diagnostics.insert(report.diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    all_parsed = all_parsed && parsed.syntax_ok;
    check_placeholders_used(input, parsed, context, report, used_names, used_values);
    if (parsed.syntax_ok) check_update_actions(input, parsed, context, report.diagnostics);
  }
  if (!all_parsed) return report;
  for (const auto& [placeholder, name] : context.names) {
    if (used_names.count(placeholder)) continue;
    add_once(report.unused_names, placeholder);
    report.diagnostics.push_back({.field = context.names_field + "." + placeholder,
                                  .severity = Severity::Error,
                                  .message = placeholder + " is defined but no expression uses it; DynamoDB refuses "
                                                           "unused ExpressionAttributeNames."});
  }
  for (const auto& placeholder : context.values) {
    if (used_values.count(placeholder)) continue;
    add_once(report.unused_values, placeholder);
    report.diagnostics.push_back({.field = context.values_field + "." + placeholder,
                                  .severity = Severity::Error,
                                  .message = placeholder + " is defined but no expression uses it; DynamoDB refuses "
                                                           "unused ExpressionAttributeValues."});
  }
  return report;
}

std::string placeholder_for(std::string_view name, const NameMap& names) {
  for (const auto& [placeholder, existing] : names) {
    if (existing == name) return placeholder;
  }
  std::string base = "#";
  for (char c : name) base += is_word_char(c) ? c : '_';
  if (base.size() == 1) base += "name";
  std::string candidate = base;
  for (int n = 1; lookup(names, candidate); ++n) candidate = base + std::to_string(n);
  return candidate;
}

AliasedExpression alias_names(std::string_view expression, ExpressionKind kind, NameMap names, std::string_view word) {
  const auto parsed = parse_expression(expression, kind);
  std::vector<const PathElement*> targets;
  for (const auto& path : parsed.paths) {
    for (const auto& e : path.elements) {
      if (e.kind != PathElementKind::Name) continue;
      if (word.empty() ? is_reserved_word(e.text) : e.text == word) targets.push_back(&e);
    }
  }
  AliasedExpression out{std::string(expression), std::move(names)};
  // Replace from the end so earlier offsets stay valid.
  std::sort(targets.begin(), targets.end(),
            [](const PathElement* a, const PathElement* b) { return a->span.offset > b->span.offset; });
  for (const PathElement* e : targets) {
    const std::string placeholder = placeholder_for(e->text, out.names);
    if (!lookup(out.names, placeholder)) out.names.emplace_back(placeholder, e->text);
    out.expression.replace(e->span.offset, e->span.length, placeholder);
  }
  return out;
}

}  // namespace core
