// DynamoDB expressions: a parser for the update, condition/filter,
// key-condition and projection grammars, the checks DynamoDB makes against
// the request's ExpressionAttributeNames / ExpressionAttributeValues and key,
// and the text rewrites behind one-click fixes.
//
// Every diagnostic points at bytes of the expression text (TextSpan), so the
// UI can underline them. Parsing stops at the first syntax error, as
// DynamoDB does; what was read before it is still reported.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace core {

enum class ExpressionKind {
  Update,        // UpdateExpression: SET / REMOVE / ADD / DELETE clauses
  Condition,     // ConditionExpression and FilterExpression
  KeyCondition,  // KeyConditionExpression of a query
  Projection,    // ProjectionExpression: document paths separated by commas
};

enum class PathElementKind { Name, NamePlaceholder, Index };

struct PathElement {
  PathElementKind kind = PathElementKind::Name;
  std::string text;  // `number`, `#num` or the digits of `[3]`
  TextSpan span;
};

// A document path such as `a.#b[2].c`.
struct DocumentPath {
  std::vector<PathElement> elements;
  TextSpan span;
};

// One use of a `:value` placeholder.
struct ValueReference {
  std::string placeholder;
  TextSpan span;
};

enum class UpdateClause { Set, Remove, Add, Delete };

// In the order the update helper writes them.
inline constexpr std::array kUpdateClauses = {UpdateClause::Set, UpdateClause::Remove, UpdateClause::Add,
                                              UpdateClause::Delete};

// "SET", "REMOVE", "ADD", "DELETE".
std::string_view update_clause_name(UpdateClause clause);

// What one update action writes.
struct UpdateAction {
  UpdateClause clause = UpdateClause::Set;
  DocumentPath target;
};

struct ParsedExpression {
  std::vector<DocumentPath> paths;     // every document path, in order
  std::vector<ValueReference> values;  // every `:value` use, in order
  std::vector<UpdateAction> actions;   // update expressions only
  Diagnostics diagnostics;             // syntax and grammar problems
  bool syntax_ok = false;              // read to the end without a syntax error
};

// `field` names the expression in diagnostics ("payload.UpdateExpression").
ParsedExpression parse_expression(std::string_view text, ExpressionKind kind, std::string_view field = {});

// ExpressionAttributeNames as ordered (placeholder, attribute name) pairs.
using NameMap = std::vector<std::pair<std::string, std::string>>;

struct ExpressionInput {
  std::string field;  // "payload.UpdateExpression"
  std::string text;
  ExpressionKind kind = ExpressionKind::Condition;
};

// Everything the request-level checks look at.
struct ExpressionContext {
  std::vector<ExpressionInput> expressions;
  NameMap names;                    // ExpressionAttributeNames
  std::vector<std::string> values;  // ExpressionAttributeValues placeholders
  std::vector<std::string> key_attributes;
  std::string names_field = "payload.ExpressionAttributeNames";
  std::string values_field = "payload.ExpressionAttributeValues";
};

struct ExpressionReport {
  Diagnostics diagnostics;
  // What the fixes below can act on, each listed once, in order of appearance.
  std::vector<std::string> reserved_names;    // bare names that are reserved words
  std::vector<std::string> undefined_names;   // #placeholders used, not defined
  std::vector<std::string> undefined_values;  // :placeholders used, not defined
  std::vector<std::string> unused_names;      // defined, used by no expression
  std::vector<std::string> unused_values;
};

// Parses every expression and checks, as DynamoDB does: placeholders used but
// not defined, defined but unused (only when every expression parsed, so a
// typo does not make the rest look unused), reserved words used as bare
// names, update actions on a key attribute or on overlapping paths, and the
// 4 KB expression limit.
ExpressionReport check_expressions(const ExpressionContext& context);

// The placeholder that stands for `name`: an existing one that maps to it,
// else `#name` (with a number added if that is taken).
std::string placeholder_for(std::string_view name, const NameMap& names);

struct AliasedExpression {
  std::string expression;
  NameMap names;  // `names` with the placeholders the rewrite introduced
};

// Rewrites every bare use of `word` (when empty: of every reserved word) in the
// expression as a placeholder defined in the returned names, e.g.
// `SET number = :n` -> `SET #number = :n` with `#number` -> `number`.
AliasedExpression alias_names(std::string_view expression, ExpressionKind kind, NameMap names,
                              std::string_view word = {});

}  // namespace core
