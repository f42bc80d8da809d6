using Pstm.Cli;
using Pstm.Cli.Console;

// Before .NET takes the signals: a SIGINT ignored by the parent is Ctrl+C again.
InterruptSignal.Restore();
return PstmCommandLine.Run(args, new SystemConsole());
