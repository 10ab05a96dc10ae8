import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@samverkan/access';
import { AuditRead } from '@samverkan/audit';
import { ApiFile, ApiOk, ApiPage, contentDisposition, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import { DocumentListQuery, DocumentSentRequest, IssueDocumentRequest, PreviewDocumentRequest } from './documents.dto.js';
import { DocumentsService } from './documents.service.js';
import { DocumentView } from './documents.views.js';

/**
 * Documents issued as PDF from records (issue #21): who may preview, issue and read them is the
 * record's own rule (its lib's DocumentGate), so the routes ask only for a signed-in user.
 */
@ApiTags('documents')
@Controller({ path: 'documents', version: '1' })
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('previews')
  @Authenticated()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Förhandsgranska dokument (Preview a document before it is issued): queued for rendering; follow GET /documents/{id} until ready. Marked UTKAST, kept 24 h, seen only by its requester',
  })
  @ApiAcceptedResponse({ description: 'The preview, pending', type: DocumentView })
  preview(@CurrentPrincipal() principal: Principal, @Body() body: PreviewDocumentRequest): Promise<DocumentView> {
    return this.documents.preview(principal, body);
  }

  @Post()
  @Authenticated()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Utfärda dokument (Issue a document from its record under a registration number): the next version, the earlier ones kept; queued for rendering, follow GET /documents/{id}',
  })
  @ApiAcceptedResponse({ description: 'The issued version, pending', type: DocumentView })
  issue(@CurrentPrincipal() principal: Principal, @Body() body: IssueDocumentRequest): Promise<DocumentView> {
    return this.documents.issue(principal, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Utfärdade dokument (The documents issued from one record, every version, newest first); audited' })
  @ApiPage(DocumentView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: DocumentListQuery) {
    return this.documents.list(principal, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Dokument (One document: whether it is ready, how far rendering has come, when it was sent)' })
  @ApiOk(DocumentView)
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<DocumentView> {
    return this.documents.get(principal, id);
  }

  @Get(':id/content')
  @Authenticated()
  @AuditRead('document')
  @ApiOperation({
    summary:
      'Hämta dokument (The PDF) for whoever may see its record; `?inline=true` to show it in the browser. 409 document.not_ready while it is rendered; every download, and every refusal, is audited',
  })
  @ApiFile(['application/pdf'], 'The PDF')
  async content(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query('inline') inline: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.documents.content(principal, id);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(file.fileName, inline === 'true' ? 'inline' : 'attachment'))
      .header('cache-control', 'private, no-store')
      .header('etag', `"${file.sha256}"`)
      .header('x-content-type-options', 'nosniff');
    return file.bytes;
  }

  @Post(':id/sent')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Registrera att dokumentet skickats (Record when an issued document was sent to its recipient); once: 409 document.already_sent' })
  @ApiOk(DocumentView)
  markSent(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: DocumentSentRequest): Promise<DocumentView> {
    return this.documents.markSent(principal, id, body);
  }
}
