import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, RequireHiddenPermission, RequirePermission } from '@samverkan/access';
import { AuditRead } from '@samverkan/audit';
import { ApiCreated, ApiFile, ApiNoContent, ApiPage, ATTACHMENT_BODY_TYPES, ATTACHMENT_TYPES, contentDisposition, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import { AttachmentListQuery, UploadAttachmentQuery } from './attachments.dto.js';
import { AttachmentsService } from './attachments.service.js';
import { AttachmentView } from './attachments.views.js';

const UPLOAD_BODY = { schema: { type: 'string', format: 'binary' }, description: 'The file itself (PDF, JPEG, PNG or WebP); its type is read from the bytes' };

/** Attachments of a youth case (issue #21): the case's own rules, and the category decides as for notes. */
@ApiTags('attachments')
@Controller({ path: 'youth-cases', version: '1' })
export class YouthCaseAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id/attachments')
  @RequirePermission('youth_case:read')
  @AuditRead('attachment')
  @ApiOperation({ summary: 'Bilagor (Files attached to the youth case), those of the categories the reader sees; audited' })
  @ApiPage(AttachmentView)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: AttachmentListQuery) {
    return this.attachments.list(principal, 'youth_case', id, query);
  }

  @Post(':id/attachments')
  @RequirePermission('youth_case:update')
  @ApiConsumes(...ATTACHMENT_BODY_TYPES)
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Ny bilaga (Attach a file: the raw bytes as the body, sent as application/octet-stream; fileName, description and the information category in the query)',
  })
  @ApiCreated(AttachmentView)
  upload(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: UploadAttachmentQuery, @Body() body: unknown) {
    return this.attachments.upload(principal, 'youth_case', id, query, body);
  }
}

/** Attachments of a finding of a round or walk (#16, #20): as its photos, and any member of the collaboration reads them. */
@ApiTags('attachments')
@Controller({ path: 'findings', version: '1' })
export class FindingAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id/attachments')
  @RequirePermission('promise:read')
  @AuditRead('attachment')
  @ApiOperation({ summary: 'Bilagor (Files attached to the finding); audited' })
  @ApiPage(AttachmentView)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: AttachmentListQuery) {
    return this.attachments.list(principal, 'finding', id, query);
  }

  @Post(':id/attachments')
  @RequirePermission('finding:update')
  @ApiConsumes(...ATTACHMENT_BODY_TYPES)
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Ny bilaga (Attach a file to the finding, by its recorder or whoever may update it while it is open: the raw bytes as the body, sent as application/octet-stream; fileName and description in the query)',
  })
  @ApiCreated(AttachmentView)
  upload(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: UploadAttachmentQuery, @Body() body: unknown) {
    return this.attachments.upload(principal, 'finding', id, query, body);
  }
}

/** Attachments of an inspection (the report to the holder, a photo of a notice): the inspection's own rules. */
@ApiTags('attachments')
@Controller({ path: 'inspections', version: '1' })
export class InspectionAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id/attachments')
  @RequirePermission('inspection:read')
  @AuditRead('attachment')
  @ApiOperation({ summary: 'Bilagor (Files attached to the inspection); audited' })
  @ApiPage(AttachmentView)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: AttachmentListQuery) {
    return this.attachments.list(principal, 'inspection', id, query);
  }

  @Post(':id/attachments')
  @RequirePermission('inspection:perform')
  @ApiConsumes(...ATTACHMENT_BODY_TYPES)
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Ny bilaga (Attach a file to the inspection, by those who may perform it: the raw bytes as the body, sent as application/octet-stream; fileName and description in the query)',
  })
  @ApiCreated(AttachmentView)
  upload(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: UploadAttachmentQuery, @Body() body: unknown) {
    return this.attachments.upload(principal, 'inspection', id, query, body);
  }
}

/** Attachments of a sanction case (hearing letter, the holder's answer, the decision): the case's own rules. */
@ApiTags('attachments')
@Controller({ path: 'sanction-cases', version: '1' })
export class SanctionCaseAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id/attachments')
  @RequirePermission('premises:read')
  @AuditRead('attachment')
  @ApiOperation({ summary: 'Bilagor (Files attached to the sanction case); audited' })
  @ApiPage(AttachmentView)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: AttachmentListQuery) {
    return this.attachments.list(principal, 'sanction_case', id, query);
  }

  @Post(':id/attachments')
  @RequirePermission('sanction:decide')
  @ApiConsumes(...ATTACHMENT_BODY_TYPES)
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Ny bilaga (Attach a file to the sanction case, by those who decide it: the raw bytes as the body, sent as application/octet-stream; fileName and description in the query)',
  })
  @ApiCreated(AttachmentView)
  upload(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: UploadAttachmentQuery, @Body() body: unknown) {
    return this.attachments.upload(principal, 'sanction_case', id, query, body);
  }
}

/** Attachments of a police operation: inside the police compartment; for anyone else they do not exist (404). */
@ApiTags('attachments')
@Controller({ path: 'operations', version: '1' })
export class OperationAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id/attachments')
  @RequireHiddenPermission('operation:read')
  @AuditRead('attachment')
  @ApiOperation({ summary: 'Bilagor (Files attached to the operation); audited' })
  @ApiPage(AttachmentView)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: AttachmentListQuery) {
    return this.attachments.list(principal, 'operation', id, query);
  }

  @Post(':id/attachments')
  @RequireHiddenPermission('operation:read')
  @ApiConsumes(...ATTACHMENT_BODY_TYPES)
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Ny bilaga (Attach a file to the operation, by those who may open it (participants, proposer, commanders): the raw bytes as the body, sent as application/octet-stream; fileName and description in the query)',
  })
  @ApiCreated(AttachmentView)
  upload(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: UploadAttachmentQuery, @Body() body: unknown) {
    return this.attachments.upload(principal, 'operation', id, query, body);
  }
}

/** One attachment, whatever record it belongs to: the record's gate decides. */
@ApiTags('attachments')
@Controller({ path: 'attachments', version: '1' })
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id/content')
  @Authenticated()
  @AuditRead('attachment')
  @ApiOperation({ summary: 'Hämta bilaga (The file itself) for whoever may see its record and category; every download, and every refusal, is audited' })
  @ApiFile([...ATTACHMENT_TYPES], "The file's bytes, of the type they were found to be")
  async content(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.attachments.content(principal, id);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('cache-control', 'private, no-store')
      .header('etag', `"${file.sha256}"`)
      .header('x-content-type-options', 'nosniff');
    return file.bytes;
  }

  @Delete(':id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort bilaga (Remove an attachment) for whoever may change its record; the bytes go too' })
  @ApiNoContent()
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.attachments.remove(principal, id);
  }
}
