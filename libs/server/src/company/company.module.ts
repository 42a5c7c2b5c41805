import { Module } from '@nestjs/common';
import { CompanyController } from './company.controller';
import { CompanyService } from './company.service';

@Module({ providers: [CompanyService], exports: [CompanyService] })
export class CompanyModule {}

@Module({ imports: [CompanyModule], controllers: [CompanyController] })
export class CompanyHttpModule {}
