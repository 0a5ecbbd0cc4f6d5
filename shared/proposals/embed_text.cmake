# Turns a text file into a C++ source defining `std::string_view <FUNCTION>()` that returns it,
# so the core carries its data without reading files at run time (the browser has none).
# cmake -DINPUT=file.json -DOUTPUT=file.cpp -DFUNCTION=prd::proposals::templates_json -P embed_text.cmake
file(READ "${INPUT}" content)
string(FIND "${content}" ")prd_embedded\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )prd_embedded\"")
endif()
string(REGEX REPLACE "::[^:]*$" "" namespace "${FUNCTION}")
string(REGEX REPLACE "^.*::" "" name "${FUNCTION}")
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT} by embed_text.cmake; edit that file instead.\n"
  "#include <string_view>\n\n"
  "namespace ${namespace} {\n\n"
  "std::string_view ${name}() {\n"
  "    static constexpr std::string_view text = R\"prd_embedded(${content})prd_embedded\";\n"
  "    return text;\n"
  "}\n\n"
  "}  // namespace ${namespace}\n")
