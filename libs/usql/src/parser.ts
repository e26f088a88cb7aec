import type {
  TArithmeticOperator,
  TComparisonOperator,
  TCondNode,
  TExprNode,
  TFunnelStepNode,
  TItemFilter,
  TNameRef,
  TNodeBase,
  TOrderItemNode,
  TQueryNode,
  TSelectItemNode,
} from './ast';
import { positionOf, syntaxError, tokenizeUsql, type TToken } from './lexer';
import { UsqlError } from './usql-error';

const COMPARISONS: Readonly<Record<string, TComparisonOperator>> = {
  '=': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '>': '>',
  '<=': '<=',
  '>=': '>=',
};
const REGEX_WORDS = new Set(['MATCHES', 'REGEXP', 'RLIKE', 'SIMILAR', 'MATCHESREGEX', 'REGEX']);

class Parser {
  private index = 0;

  constructor(private readonly tokens: TToken[]) {}

  private get token(): TToken {
    return this.tokens[this.index] as TToken;
  }

  private peek(ahead = 1): TToken {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as TToken;
  }

  private advance(): TToken {
    const token = this.token;
    if (token.kind === 'error') throw syntaxError(token, `${token.value} at \`${token.text}\``);
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  private isKeyword(word: string, token = this.token): boolean {
    return token.kind === 'keyword' && token.value === word;
  }

  private isSymbol(symbol: string, token = this.token): boolean {
    return (token.kind === 'operator' || token.kind === 'punctuation') && token.value === symbol;
  }

  private acceptKeyword(word: string): TToken | undefined {
    return this.isKeyword(word) ? this.advance() : undefined;
  }

  private acceptSymbol(symbol: string): TToken | undefined {
    return this.isSymbol(symbol) ? this.advance() : undefined;
  }

  private describe(token: TToken): string {
    if (token.kind === 'eof') return 'the end of the query';
    return `\`${token.text}\``;
  }

  private fail(expected: string): never {
    const token = this.token;
    if (token.kind === 'error') throw syntaxError(token, `${token.value} at \`${token.text}\``);
    throw syntaxError(token, `expected ${expected} but found ${this.describe(token)}`);
  }

  private expectKeyword(word: string): TToken {
    return this.acceptKeyword(word) ?? this.fail(word);
  }

  private expectSymbol(symbol: string): TToken {
    return this.acceptSymbol(symbol) ?? this.fail(`\`${symbol}\``);
  }

  private node(first: TToken): TNodeBase {
    const last = this.tokens[Math.max(this.index - 1, 0)] as TToken;
    return { pos: positionOf(first), start: first.start, end: Math.max(last.end, first.end) };
  }

  parseQuery(): TQueryNode {
    this.expectKeyword('SELECT');
    const distinct = Boolean(this.acceptKeyword('DISTINCT'));
    const items: TSelectItemNode[] = [this.parseSelectItem()];
    while (this.acceptSymbol(',')) items.push(this.parseSelectItem());
    this.expectKeyword('FROM');
    const fromToken = this.token;
    if (fromToken.kind !== 'identifier') this.fail('a table name (usersession, useraction, userevent or usererror)');
    this.advance();
    if (this.isKeyword('JOIN') || (this.token.kind === 'identifier' && this.token.value.toUpperCase() === 'JOIN') || this.isSymbol(',')) {
      throw new UsqlError('USQL_UNSUPPORTED', 'USQL queries one table; child tables join implicitly through their session (no JOIN)', positionOf(this.token));
    }
    const query: TQueryNode = {
      distinct,
      items,
      from: { name: fromToken.value, pos: positionOf(fromToken) },
      groupBy: [],
      orderBy: [],
      clausePos: {},
    };
    if (this.acceptKeyword('WHERE')) query.where = this.parseCondition();
    if (this.isKeyword('GROUP')) {
      query.clausePos.groupBy = positionOf(this.advance());
      this.expectKeyword('BY');
      query.groupBy.push(this.parseNameRef());
      while (this.acceptSymbol(',')) query.groupBy.push(this.parseNameRef());
    }
    if (this.isKeyword('ORDER')) {
      query.clausePos.orderBy = positionOf(this.advance());
      this.expectKeyword('BY');
      query.orderBy.push(this.parseOrderItem());
      while (this.acceptSymbol(',')) query.orderBy.push(this.parseOrderItem());
    }
    if (this.isKeyword('LIMIT')) {
      query.clausePos.limit = positionOf(this.advance());
      const token = this.token;
      if (token.kind !== 'number' || !/^[0-9]+$/.test(token.text)) this.fail('a whole number after LIMIT');
      this.advance();
      query.limit = { value: Number(token.text), pos: positionOf(token) };
    }
    if (this.token.kind !== 'eof') this.fail('the end of the query');
    return query;
  }

  private parseNameRef(): TNameRef {
    const token = this.token;
    if (token.kind === 'string') {
      this.advance();
      return { name: token.value, quoted: true, pos: positionOf(token) };
    }
    if (token.kind === 'function') {
      throw new UsqlError(
        'USQL_UNSUPPORTED',
        `GROUP BY takes fields and aliases, not function calls: give \`${token.text}(…)\` an alias in SELECT and group by it`,
        positionOf(token),
      );
    }
    if (token.kind !== 'identifier') this.fail('a field or alias');
    this.advance();
    return { name: token.value, quoted: false, pos: positionOf(token) };
  }

  private parseOrderItem(): TOrderItemNode {
    const first = this.token;
    const expr = this.parseExpr();
    let descending = false;
    if (this.acceptKeyword('DESC')) descending = true;
    else this.acceptKeyword('ASC');
    return { expr, descending, pos: positionOf(first) };
  }

  private parseSelectItem(): TSelectItemNode {
    const first = this.token;
    if (this.acceptSymbol('*')) return { kind: 'star', ...this.node(first) };
    if (this.acceptKeyword('JSON')) return { kind: 'json', ...this.node(first) };
    if (first.kind === 'identifier' && this.isSymbol('.', this.peek()) && this.isSymbol('*', this.peek(2))) {
      this.advance();
      this.advance();
      this.advance();
      return { kind: 'star', table: first.value, ...this.node(first) };
    }
    if (first.kind === 'function' && first.value === 'FUNNEL') return this.parseFunnel();
    const expr = this.parseExpr();
    let filter: TItemFilter | undefined;
    let alias: string | undefined;
    const parseFilter = (): void => {
      const filterToken = this.advance();
      const opToken = this.token;
      const op = COMPARISONS[opToken.value];
      if (opToken.kind !== 'operator' || !op) this.fail('a comparison (= != < > <= >=) after FILTER');
      this.advance();
      filter = { op, value: this.parseExpr(), pos: positionOf(filterToken) };
    };
    if (this.isKeyword('FILTER')) parseFilter();
    if (this.acceptKeyword('AS')) alias = this.parseAlias();
    if (!filter && this.isKeyword('FILTER')) parseFilter();
    return { kind: 'expr', expr, ...(alias === undefined ? {} : { alias }), ...(filter ? { filter } : {}), ...this.node(first) };
  }

  private parseAlias(): string {
    const token = this.token;
    if (token.kind === 'string' || token.kind === 'identifier') {
      this.advance();
      return token.value;
    }
    return this.fail('an alias (a name or a "quoted name")');
  }

  private parseFunnel(): TSelectItemNode {
    const first = this.advance();
    this.expectSymbol('(');
    const steps: TFunnelStepNode[] = [];
    do {
      const condition = this.parseCondition();
      const step: TFunnelStepNode = { condition };
      if (this.acceptKeyword('AS')) step.label = this.parseAlias();
      steps.push(step);
    } while (this.acceptSymbol(','));
    this.expectSymbol(')');
    return { kind: 'funnel', steps, ...this.node(first) };
  }

  parseCondition(): TCondNode {
    let left = this.parseAnd();
    while (this.isKeyword('OR')) {
      const first = this.advance();
      const right = this.parseAnd();
      left = { kind: 'or', left, right, pos: left.pos, start: left.start, end: right.end };
      void first;
    }
    return left;
  }

  private parseAnd(): TCondNode {
    let left = this.parseNot();
    while (this.acceptKeyword('AND')) {
      const right = this.parseNot();
      left = { kind: 'and', left, right, pos: left.pos, start: left.start, end: right.end };
    }
    return left;
  }

  private parseNot(): TCondNode {
    const first = this.token;
    if (this.acceptKeyword('NOT')) {
      const operand = this.parseNot();
      return { kind: 'not', operand, ...this.node(first) };
    }
    return this.parsePredicate();
  }

  private startsPredicateTail(token: TToken): boolean {
    if (token.kind === 'operator') return true;
    return token.kind === 'keyword' && ['IN', 'IS', 'BETWEEN', 'LIKE', 'STARTSWITH', 'NOT', 'MOD'].includes(token.value);
  }

  private parsePredicate(): TCondNode {
    const first = this.token;
    if (this.isSymbol('(')) {
      const saved = this.index;
      try {
        this.advance();
        const inner = this.parseCondition();
        this.expectSymbol(')');
        if (!this.startsPredicateTail(this.token)) return { ...inner, ...this.node(first) };
      } catch (error) {
        if (!(error instanceof UsqlError)) throw error;
      }
      this.index = saved;
    }
    const operand = this.parseExpr();
    const token = this.token;
    if (token.kind === 'operator' && token.value === '~') {
      throw new UsqlError('USQL_UNSUPPORTED', 'regular expressions are not supported; use LIKE or STARTSWITH', positionOf(token));
    }
    if (token.kind === 'identifier' && REGEX_WORDS.has(token.value.toUpperCase())) {
      throw new UsqlError('USQL_UNSUPPORTED', `regular expressions (\`${token.text}\`) are not supported; use LIKE or STARTSWITH`, positionOf(token));
    }
    const op = token.kind === 'operator' ? COMPARISONS[token.value] : undefined;
    if (op) {
      this.advance();
      const right = this.parseExpr();
      return { kind: 'compare', op, left: operand, right, ...this.node(first) };
    }
    if (this.acceptKeyword('IS')) {
      const negated = Boolean(this.acceptKeyword('NOT'));
      if (this.acceptKeyword('NULL')) return { kind: 'isNull', operand, negated, ...this.node(first) };
      const right = this.parseExpr();
      return { kind: 'compare', op: negated ? '!=' : '=', left: operand, right, ...this.node(first) };
    }
    let negated = false;
    if (this.isKeyword('NOT') && ['IN', 'BETWEEN', 'LIKE', 'STARTSWITH'].some((word) => this.isKeyword(word, this.peek()))) {
      this.advance();
      negated = true;
    }
    if (this.acceptKeyword('IN')) {
      this.expectSymbol('(');
      const values: TExprNode[] = [this.parseExpr()];
      while (this.acceptSymbol(',')) values.push(this.parseExpr());
      this.expectSymbol(')');
      return { kind: 'in', operand, values, negated, ...this.node(first) };
    }
    if (this.acceptKeyword('BETWEEN')) {
      const low = this.parseExpr();
      this.expectKeyword('AND');
      const high = this.parseExpr();
      return { kind: 'between', operand, low, high, negated, ...this.node(first) };
    }
    if (this.acceptKeyword('LIKE')) {
      return { kind: 'like', operand, pattern: this.parseExpr(), negated, ...this.node(first) };
    }
    if (this.acceptKeyword('STARTSWITH')) {
      return { kind: 'startsWith', operand, pattern: this.parseExpr(), negated, ...this.node(first) };
    }
    if (negated) this.fail('IN, BETWEEN, LIKE or STARTSWITH after NOT');
    return { kind: 'truthy', operand, ...this.node(first) };
  }

  parseExpr(): TExprNode {
    let left = this.parseTerm();
    while (this.isSymbol('+') || this.isSymbol('-')) {
      const op = this.advance().value as TArithmeticOperator;
      const right = this.parseTerm();
      left = { kind: 'binary', op, left, right, pos: left.pos, start: left.start, end: right.end };
    }
    return left;
  }

  private parseTerm(): TExprNode {
    let left = this.parseUnary();
    while (this.isSymbol('*') || this.isSymbol('/') || this.isSymbol('%') || this.isKeyword('MOD')) {
      const token = this.advance();
      const op = (token.value === 'MOD' ? '%' : token.value) as TArithmeticOperator;
      const right = this.parseUnary();
      left = { kind: 'binary', op, left, right, pos: left.pos, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): TExprNode {
    const first = this.token;
    if (this.acceptSymbol('-')) {
      const operand = this.parseUnary();
      return { kind: 'negate', operand, ...this.node(first) };
    }
    if (this.acceptSymbol('+')) return this.parseUnary();
    return this.parsePrimary();
  }

  private parsePrimary(): TExprNode {
    const first = this.token;
    switch (first.kind) {
      case 'number':
        this.advance();
        return { kind: 'number', text: first.text, ...this.node(first) };
      case 'string':
        this.advance();
        return { kind: 'string', value: first.value, ...this.node(first) };
      case 'variable':
        this.advance();
        return { kind: 'variable', name: first.value, ...this.node(first) };
      case 'keyword':
        if (first.value === 'TRUE' || first.value === 'FALSE') {
          this.advance();
          return { kind: 'boolean', value: first.value === 'TRUE', ...this.node(first) };
        }
        if (first.value === 'NULL') {
          this.advance();
          return { kind: 'null', ...this.node(first) };
        }
        break;
      case 'function':
      case 'identifier':
        if (this.isSymbol('(', this.peek())) return this.parseCall();
        this.advance();
        return { kind: 'path', path: first.value, ...this.node(first) };
      default:
        break;
    }
    if (this.acceptSymbol('(')) {
      const inner = this.parseExpr();
      this.expectSymbol(')');
      return { ...inner, ...this.node(first) };
    }
    return this.fail('a field, a value or a function');
  }

  private parseCall(): TExprNode {
    const nameToken = this.advance();
    const name = nameToken.text.toUpperCase();
    this.expectSymbol('(');
    const args: TExprNode[] = [];
    let distinct = false;
    let star = false;
    let condition: TCondNode | undefined;
    if (this.acceptKeyword('DISTINCT')) distinct = true;
    if (name === 'COUNT' && !distinct && this.acceptSymbol('*')) {
      star = true;
    } else if (!this.isSymbol(')')) {
      args.push(this.parseExpr());
      while (this.acceptSymbol(',')) {
        if (name === 'CONDITION' && this.acceptKeyword('WHERE')) {
          condition = this.parseCondition();
          break;
        }
        args.push(this.parseExpr());
      }
    }
    this.expectSymbol(')');
    if (name === 'CONDITION' && !condition) {
      throw syntaxError(nameToken, 'CONDITION takes an aggregate and a condition: CONDITION(COUNT(*), WHERE hasError = true)');
    }
    return {
      kind: 'call',
      name,
      nameText: nameToken.text,
      args,
      distinct,
      star,
      ...(condition ? { condition } : {}),
      ...this.node(nameToken),
    };
  }
}

/** Parses USQL text into its syntax tree; throws `UsqlError` (USQL_SYNTAX and friends). */
export function parseUsql(text: string): TQueryNode {
  return new Parser(tokenizeUsql(text)).parseQuery();
}
