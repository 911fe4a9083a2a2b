#pragma once
// `icq mcp`: the interpreter as a Model Context Protocol server on stdio (mcp_server.hpp), for AI
// assistants. Reads newline-delimited JSON-RPC from stdin, answers on stdout, logs on stderr.
namespace icq::mcp {

// Runs `icq mcp ARGS` (argv[0] is "mcp") until stdin ends. Returns the exit code: 0 at the end of
// input, 2 for a usage error or data that cannot be loaded.
int run(int argc, const char* const* argv);

}  // namespace icq::mcp
