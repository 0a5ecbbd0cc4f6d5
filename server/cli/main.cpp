// partnership: the self-hostable server and its admin command line.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return prd::cli::run(argc, argv); }
