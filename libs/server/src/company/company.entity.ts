import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { ClientEntity } from '../auth/client.entity';
import type { ConnectionEntity } from '../connection/connection.entity';

@Entity({ name: 'company' })
@Index('ix_company_client_created', ['clientId', 'createdAt'])
export class CompanyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_company_client' })
  client?: ClientEntity;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  // No `::jsonb` cast in these defaults: TypeORM strips casts when it reads defaults back, so a cast is a perpetual schema diff.
  @Column({ type: 'jsonb', default: () => "'{}'" })
  tags!: Record<string, string>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  products!: string[];

  @Column({ name: 'created_by_user_name', type: 'varchar', length: 320, nullable: true })
  createdByUserName!: string | null;

  @Column({ name: 'last_sync', type: 'timestamptz', nullable: true })
  lastSync!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany('ConnectionEntity', 'company')
  connections?: ConnectionEntity[];
}
