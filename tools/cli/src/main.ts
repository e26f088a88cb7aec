import { CommanderError } from 'commander';
import { buildProgram } from './program';
import { exitCodeOf, printFailure } from './output';

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message (unknown option, missing argument, help).
      process.exitCode = error.exitCode;
      return;
    }
    printFailure(error);
    process.exitCode = exitCodeOf(error);
  }
}

void main(process.argv);
