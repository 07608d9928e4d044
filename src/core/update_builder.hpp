// The update helper: rows of (attribute, action, value) a person fills in,
// turned into an UpdateExpression with its ExpressionAttributeNames and
// ExpressionAttributeValues, e.g. {number, Set, 5}, {old, Remove}
//   -> "SET #number = :number REMOVE old", #number -> number, :number -> 5.
// Names that cannot appear bare (reserved words, or not a plain identifier)
// go through a #placeholder; every value gets a :placeholder named after its
// attribute.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/expression.hpp"
#include "core/request.hpp"

namespace core {

struct UpdateRow {
  std::string attribute;  // a top-level attribute name, as stored
  UpdateClause action = UpdateClause::Set;
  AttributeValue value;  // not used by Remove
  friend bool operator==(const UpdateRow&, const UpdateRow&) = default;
};

struct UpdateBuild {
  std::string expression;  // empty when no row names an attribute
  std::vector<NameRow> names;
  std::vector<ValueRow> values;
  Diagnostics diagnostics;  // on "update.<row number>": what DynamoDB would refuse in a row
};

// Rows without an attribute name are skipped. Clauses come in the order
// SET, REMOVE, ADD, DELETE; rows keep their order inside a clause.
UpdateBuild build_update(const std::vector<UpdateRow>& rows);

// The form with the built expression as its UpdateExpression and the built
// placeholders added (a row of the same placeholder is replaced).
RequestForm apply_update(RequestForm form, const UpdateBuild& build);

}  // namespace core
