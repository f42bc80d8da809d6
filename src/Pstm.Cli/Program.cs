using Pstm.Cli;
using Pstm.Cli.Console;

return PstmCommandLine.Run(args, new SystemConsole());
